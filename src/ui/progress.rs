//! The corpus load in progress, shown while the reader waits: the download
//! (bytes so far, of the total when the server said it), then the reading
//! of what arrived into the reader (bytes read of those received).

use yew::prelude::*;

use super::strings::Strings;
use crate::units::size;

/// How much of the corpus has arrived.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub received: u64,
    /// The `Content-Length`, when sent. With compression it counts the
    /// compressed bytes, so it is dropped once the body outgrows it.
    pub total: Option<u64>,
    /// Once the download is complete: how many of the bytes received the
    /// reader has read (decoded and checked) so far.
    pub read: Option<u64>,
}

impl Progress {
    /// The total, when it is a usable upper bound.
    pub fn known_total(&self) -> Option<u64> {
        self.total.filter(|&total| total > 0 && total >= self.received)
    }

    /// `12.3 KB of 40.0 KB`, or `12.3 KB loaded` while the total is
    /// unknown; then `Reading 4.1 MB of 40.0 MB`.
    pub fn describe(&self, strings: &Strings) -> String {
        let of = |part: u64, whole: u64| format!("{}{}{}", size(part), strings.of, size(whole));
        match (self.read, self.known_total()) {
            (Some(read), _) => Strings::fill(strings.reading, &of(read, self.received)),
            (None, Some(total)) => of(self.received, total),
            (None, None) => Strings::fill(strings.loaded, &size(self.received)),
        }
    }

    /// The bar's value and maximum, when they are known.
    fn bar(&self) -> Option<(u64, u64)> {
        match self.read {
            Some(read) => Some((read, self.received)),
            None => self.known_total().map(|total| (self.received, total)),
        }
    }
}


#[derive(Properties, PartialEq)]
pub struct LoadingViewProps {
    pub progress: Progress,
    pub strings: &'static Strings,
}

/// A progress bar with the sizes in words, announced politely.
#[component]
pub fn LoadingView(props: &LoadingViewProps) -> Html {
    let Progress { received, .. } = props.progress;
    let strings = props.strings;
    // An indeterminate bar (no value) until the total is known.
    let (value, max) = match props.progress.bar() {
        Some((value, max)) => (Some(value.to_string()), max.to_string()),
        None => (None, "1".to_owned()),
    };
    html! {
        <div class="bs-loading" role="status">
            // The reader's only heading while it has nothing else to show.
            <h1 class="bs-loading-text">{ strings.loading }{ "…" }</h1>
            if received > 0 || props.progress.known_total().is_some() {
                <p class="bs-loading-bytes">{ props.progress.describe(strings) }</p>
            }
            <progress class="bs-progress" aria-label={strings.loading} {max} {value}></progress>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::strings::{EN, ZH};

    #[test]
    fn progress_reads_as_bytes_so_far_of_the_total() {
        let half = Progress { received: 20_480, total: Some(40_960), read: None };
        assert_eq!(half.describe(&EN), "20.5 KB of 41.0 KB");
        assert_eq!(half.describe(&ZH), "20.5 KB / 41.0 KB");
        assert_eq!(Progress { received: 999, total: None, read: None }.describe(&EN), "999 B loaded");
        assert_eq!(Progress { received: 2_500_000, total: Some(0), read: None }.describe(&ZH), "已载入 2.5 MB");
    }

    #[test]
    fn then_it_reads_as_bytes_read_of_those_received() {
        let reading = Progress { received: 15_000_000, total: None, read: Some(4_100_000) };
        assert_eq!(reading.describe(&EN), "Reading 4.1 MB of 15.0 MB");
        assert_eq!(reading.describe(&ZH), "正在读取 4.1 MB / 15.0 MB");
        assert_eq!(reading.bar(), Some((4_100_000, 15_000_000)));
    }

    #[test]
    fn a_compressed_length_smaller_than_the_body_is_not_a_total() {
        let past = Progress { received: 50_000, total: Some(20_000), read: None };
        assert_eq!(past.known_total(), None);
        assert_eq!(past.describe(&EN), "50.0 KB loaded");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn the_bar_is_determinate_only_with_a_total() {
        let render = |progress| {
            yew::LocalServerRenderer::<LoadingView>::with_props(LoadingViewProps { progress, strings: &EN }).render()
        };
        let known = render(Progress { received: 10, total: Some(40), read: None }).await;
        assert!(known.contains(r#"max="40""#) && known.contains(r#"value="10""#), "{known}");
        assert!(known.contains(r#"role="status""#));
        let unknown = render(Progress { received: 10, total: None, read: None }).await;
        assert!(!unknown.contains("value="), "{unknown}");
    }
}

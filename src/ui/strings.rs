//! The reader's own words in Chinese and English: one table per language.
//!
//! The language follows the publication's `lang` (a Chinese paper gets a
//! Chinese interface) unless the host sets the element's `lang` attribute.
//! Words that take a value are templates with one `{}`, filled by
//! [`Strings::fill`]. Corpus text never passes through here.

/// How page numbers are written in page names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Numerals {
    /// 一, 二 … 十二: `第十二版`.
    Chinese,
    /// 1, 2 … 12: `Page 12`.
    Arabic,
}

/// Every piece of interface text, in one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Strings {
    /// The BCP 47 tag of these strings, for `lang` attributes.
    pub lang: &'static str,
    pub numerals: Numerals,
    /// A page's name when the corpus gives no printed label: `第{}版`.
    pub page_name: &'static str,
    pub loading: &'static str,
    /// Bytes received of the total: `{}`, the two sizes joined.
    pub loaded: &'static str,
    pub of: &'static str,
    /// The corpus received is being read: `{}`, the sizes read and received joined.
    pub reading: &'static str,
    pub pages: &'static str,
    /// Date browsing: the steps to the neighbouring editions, the calendar
    /// (往期回顾) and its controls.
    pub previous_edition: &'static str,
    pub next_edition: &'static str,
    pub past_editions: &'static str,
    pub previous_month: &'static str,
    pub next_month: &'static str,
    pub year: &'static str,
    pub paper: &'static str,
    pub loading_dates: &'static str,
    /// After a calendar day's date: its edition is saved for offline reading.
    pub saved_mark: &'static str,
    /// Offline reading of an archive: the edition's save button, the storage panel.
    pub save_offline: &'static str,
    pub save_month: &'static str,
    pub save_range: &'static str,
    pub offline_lost: &'static str,
    pub save_again: &'static str,
    pub dismiss: &'static str,
    pub saved_offline: &'static str,
    pub offline_summary: &'static str,
    pub kept_automatically: &'static str,
    pub remove_offline: &'static str,
    pub storage_used: &'static str,
    pub storage_persisted: &'static str,
    pub storage_not_persisted: &'static str,
    /// Sunday first, short, as a calendar's column heads.
    pub weekdays_short: [&'static str; 7],
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub back: &'static str,
    /// The way back from an article opened from search results.
    pub back_to_results: &'static str,
    pub reader_settings: &'static str,
    pub smaller_text: &'static str,
    pub larger_text: &'static str,
    pub dark_mode: &'static str,
    /// The search box's name.
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_title: &'static str,
    /// Shown while the search box is empty.
    pub search_prompt: &'static str,
    pub searching: &'static str,
    /// The result count: `{}` is the number (many) …
    pub results_many: &'static str,
    /// A first screen, before the exact total: how many stories the newest editions hold.
    pub results_so_far: &'static str,
    /// … and for exactly one.
    pub results_one: &'static str,
    /// `{}` is the query.
    pub no_results: &'static str,
    pub no_results_hint: &'static str,
    pub search_failed: &'static str,
    pub show_more: &'static str,
    pub filters: &'static str,
    pub filter_from: &'static str,
    pub filter_to: &'static str,
    pub filter_page: &'static str,
    pub filter_publication: &'static str,
    pub all_publications: &'static str,
    pub order: &'static str,
    pub order_relevance: &'static str,
    pub order_newest: &'static str,
    pub all_pages: &'static str,
    pub continued_from: &'static str,
    pub continued_on: &'static str,
    /// After a jump's page, the column it names: `{}` is its number.
    pub jump_column: &'static str,
    /// A jump that names the continuation's keyword, as `See BUDGET, Page A6`
    /// prints it: `{}` is the keyword, the page follows.
    pub see_keyword: &'static str,
    /// Said of a jump whose page the corpus does not hold: `{}` is the page.
    pub not_in_archive: &'static str,
    pub read_whole: &'static str,
    pub read_fragment: &'static str,
    /// The quiet marker where a stitched article changes page: `{}` is the page.
    pub page_turn: &'static str,
    pub credit: &'static str,
    pub no_image: &'static str,
    pub enlarge_image: &'static str,
    pub close: &'static str,
    pub no_articles: &'static str,
    pub no_editions: &'static str,
    pub not_found: &'static str,
    pub not_found_hint: &'static str,
    pub to_front: &'static str,
    pub retry: &'static str,
    pub unreachable: &'static str,
    pub http_status: &'static str,
    pub not_json: &'static str,
    pub newer_format: &'static str,
    pub invalid_corpus: &'static str,
    pub not_utf8: &'static str,
    /// An archive's root, calendar or edition file that does not decode.
    pub invalid_archive: &'static str,
    /// An archive file whose bytes are not what its name's hash promises.
    pub damaged_file: &'static str,
    /// Offline, an edition that was not saved: a view, not an error.
    pub not_saved: &'static str,
    pub not_saved_hint: &'static str,
    /// Above search results while an archive has no search index yet.
    pub searching_archive: &'static str,
    pub searching_open_editions: &'static str,
    /// Above search results offline: the editions kept for offline reading.
    pub searching_saved_editions: &'static str,
}

pub static ZH: Strings = Strings {
    lang: "zh-CN",
    numerals: Numerals::Chinese,
    page_name: "第{}版",
    loading: "正在载入",
    loaded: "已载入 {}",
    of: " / ",
    reading: "正在读取 {}",
    pages: "版面",
    previous_edition: "上一期",
    next_edition: "下一期",
    past_editions: "往期回顾",
    previous_month: "上个月",
    next_month: "下个月",
    year: "年份",
    paper: "报纸",
    loading_dates: "正在载入日期…",
    saved_mark: "已保存",
    save_offline: "离线保存本期",
    save_month: "离线保存本月",
    save_range: "离线保存所选日期",
    offline_lost: "浏览器已清除 {} 期离线保存的报纸",
    save_again: "重新保存",
    dismiss: "忽略",
    saved_offline: "已离线保存",
    offline_summary: "已保存 {} 期",
    kept_automatically: "（自动保存的最新一期）",
    remove_offline: "删除",
    storage_used: "已用 {}",
    storage_persisted: "浏览器已同意长期保留",
    storage_not_persisted: "存储空间不足时，浏览器可能清除这些报纸",
    weekdays_short: ["日", "一", "二", "三", "四", "五", "六"],
    previous_page: "上一版",
    next_page: "下一版",
    back: "返回",
    back_to_results: "返回搜索结果",
    reader_settings: "阅读设置",
    smaller_text: "缩小字号",
    larger_text: "放大字号",
    dark_mode: "深色模式",
    search_label: "搜索本报",
    search_placeholder: "搜索报道",
    search_title: "搜索",
    search_prompt: "输入字词，搜索全部报道。在阅读时按 / 键即可回到搜索框。",
    searching: "正在搜索…",
    results_many: "找到 {} 篇报道",
    results_so_far: "最近几期找到 {} 篇，正在搜索更早的报纸…",
    results_one: "找到 1 篇报道",
    no_results: "没有找到含有“{}”的报道。",
    no_results_hint: "请检查用字，或减少、缩短检索词。繁体字、全角字母和数字也能找到。",
    search_failed: "搜索暂时无法使用",
    show_more: "显示更多",
    filters: "筛选",
    filter_from: "起始日期",
    filter_to: "截止日期",
    filter_page: "版面",
    filter_publication: "报纸",
    all_publications: "全部报纸",
    order: "排序",
    order_relevance: "相关度",
    order_newest: "最新在前",
    all_pages: "全部版面",
    continued_from: "上接{}",
    continued_on: "下转{}",
    jump_column: "第{}栏",
    see_keyword: "见“{}”，",
    not_in_archive: "{}未收入本数据库",
    read_whole: "阅读全文",
    read_fragment: "只看本版部分",
    page_turn: "以下刊于{}",
    credit: "{} 摄",
    no_image: "图片未收录",
    enlarge_image: "放大图片",
    close: "关闭",
    no_articles: "本版没有文章。",
    no_editions: "这个数据库里没有报纸。",
    not_found: "找不到这一页",
    not_found_hint: "链接指向的报纸、版面或文章不在本数据库中。",
    to_front: "回到最新一期",
    retry: "重试",
    unreachable: "无法连接 {}",
    http_status: "{} 返回了错误",
    not_json: "{} 不是完整的 JSON（可能被截断或损坏）",
    newer_format: "{} 使用了更新的数据格式",
    invalid_corpus: "{} 不是有效的 Broadsheet 数据",
    not_utf8: "{} 不是 UTF-8 文本",
    invalid_archive: "{} 不是有效的 Broadsheet 存档文件",
    damaged_file: "{} 已损坏或与存档不符（可能未上传完整）",
    not_saved: "这一期未保存，离线时无法阅读",
    not_saved_hint: "联网后即可阅读。保存过的报纸可以离线阅读。",
    searching_archive: "在全部 {} 期报纸中搜索",
    searching_open_editions: "仅搜索已打开的 {} 期报纸",
    searching_saved_editions: "离线搜索已保存的 {} 期报纸",
};

pub static EN: Strings = Strings {
    lang: "en",
    numerals: Numerals::Arabic,
    page_name: "Page {}",
    loading: "Loading",
    loaded: "{} loaded",
    of: " of ",
    reading: "Reading {}",
    pages: "Pages",
    previous_edition: "Previous edition",
    next_edition: "Next edition",
    past_editions: "Past editions",
    previous_month: "Previous month",
    next_month: "Next month",
    year: "Year",
    paper: "Paper",
    loading_dates: "Loading dates…",
    saved_mark: "(saved)",
    save_offline: "Save this edition for offline",
    save_month: "Save this month for offline",
    save_range: "Save these dates for offline",
    offline_lost: "The browser cleared {} editions saved for offline reading",
    save_again: "Save again",
    dismiss: "Dismiss",
    saved_offline: "Saved for offline",
    offline_summary: "{} editions saved",
    kept_automatically: " (kept as the newest)",
    remove_offline: "Remove",
    storage_used: "Using {}",
    storage_persisted: "The browser agreed to keep them",
    storage_not_persisted: "The browser may clear them when storage runs low",
    weekdays_short: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    previous_page: "Previous page",
    next_page: "Next page",
    back: "Back",
    back_to_results: "Back to search results",
    reader_settings: "Reading settings",
    smaller_text: "Smaller text",
    larger_text: "Larger text",
    dark_mode: "Dark mode",
    search_label: "Search this archive",
    search_placeholder: "Search stories",
    search_title: "Search",
    search_prompt: "Type words to search every story. While reading, press / to come back to the search box.",
    searching: "Searching…",
    results_many: "{} stories found",
    results_so_far: "{} found in the newest editions; searching older ones…",
    results_one: "1 story found",
    no_results: "No story contains “{}”.",
    no_results_hint: "Check the spelling, or try fewer or shorter words.",
    search_failed: "Search is unavailable",
    show_more: "Show more",
    filters: "Filters",
    filter_from: "From",
    filter_to: "To",
    filter_page: "Page",
    filter_publication: "Paper",
    all_publications: "All papers",
    order: "Order",
    order_relevance: "Best match",
    order_newest: "Newest first",
    all_pages: "All pages",
    continued_from: "Continued from {}",
    continued_on: "Continued on {}",
    jump_column: ", column {}",
    see_keyword: "See {}, ",
    not_in_archive: "{} is not in this archive",
    read_whole: "Read the whole article",
    read_fragment: "Only this page's part",
    page_turn: "Continued on {}",
    credit: "Photo: {}",
    no_image: "Image not in this archive",
    enlarge_image: "Enlarge image",
    close: "Close",
    no_articles: "No articles on this page.",
    no_editions: "This archive holds no editions.",
    not_found: "Not in this archive",
    not_found_hint: "The link names an edition, page or article this archive does not hold.",
    to_front: "Go to the latest edition",
    retry: "Retry",
    unreachable: "Could not reach {}",
    http_status: "{} answered with an error",
    not_json: "{} is not complete JSON (truncated or damaged)",
    newer_format: "{} uses a newer corpus format",
    invalid_corpus: "{} is not a valid Broadsheet corpus",
    not_utf8: "{} is not UTF-8 text",
    invalid_archive: "{} is not a valid Broadsheet archive file",
    damaged_file: "{} is damaged or does not belong to this archive (an incomplete upload?)",
    not_saved: "This edition is not saved for offline reading",
    not_saved_hint: "Connect to the internet to read it. Saved editions can be read offline.",
    searching_archive: "Searching all {} editions",
    searching_open_editions: "Searching only the {} editions opened so far",
    searching_saved_editions: "Offline: searching the {} saved editions",
};

impl Strings {
    /// The strings for a BCP 47 tag: Chinese for `zh…`, English otherwise.
    pub fn for_lang(tag: &str) -> &'static Strings {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("zh") {
            &ZH
        } else {
            &EN
        }
    }

    /// The interface language: the host's choice when it made one, else the
    /// publication's.
    pub fn choose(host: Option<&str>, publication: &str) -> &'static Strings {
        Strings::for_lang(host.map(str::trim).filter(|tag| !tag.is_empty()).unwrap_or(publication))
    }

    /// `template` with its `{}` replaced by `value`.
    pub fn fill(template: &str, value: &str) -> String {
        template.replacen("{}", value, 1)
    }

    /// A page's name from its number: `第十二版`, `Page 12`.
    pub fn page_name(&self, number: u32) -> String {
        let number = match self.numerals {
            Numerals::Chinese => chinese_numeral(number),
            Numerals::Arabic => number.to_string(),
        };
        Strings::fill(self.page_name, &number)
    }
}

/// A number written in Chinese as page names print it (一 … 九十九);
/// larger numbers, which no paper prints as words, stay in digits.
fn chinese_numeral(number: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = (number / 10, number % 10);
    let ones = if ones == 0 { "" } else { DIGITS[ones as usize] };
    match tens {
        0 if number > 0 => ones.to_owned(),
        1 => format!("十{ones}"),
        2..=9 => format!("{}十{ones}", DIGITS[tens as usize]),
        _ => number.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_follows_the_publication_unless_the_host_chooses() {
        assert_eq!(Strings::choose(None, "zh-CN").lang, "zh-CN");
        assert_eq!(Strings::choose(None, "ZH_hant"), &ZH);
        assert_eq!(Strings::choose(None, "en-US"), &EN);
        assert_eq!(Strings::choose(Some("en"), "zh-CN"), &EN);
        assert_eq!(Strings::choose(Some(" "), "zh-CN"), &ZH, "a blank attribute is no choice");
        assert_eq!(Strings::choose(None, "fr"), &EN, "languages without a table fall back to English");
    }

    #[test]
    fn page_names_are_written_as_papers_print_them() {
        let names: Vec<String> = [1, 2, 10, 11, 12, 20, 21, 99, 100, 0].map(|n| ZH.page_name(n)).into();
        assert_eq!(
            names,
            ["第一版", "第二版", "第十版", "第十一版", "第十二版", "第二十版", "第二十一版", "第九十九版", "第100版", "第0版"]
        );
        assert_eq!(EN.page_name(3), "Page 3");
    }

    #[test]
    fn templates_take_their_value() {
        assert_eq!(Strings::fill(ZH.continued_from, &ZH.page_name(1)), "上接第一版");
        assert_eq!(Strings::fill(EN.continued_on, &EN.page_name(3)), "Continued on Page 3");
    }
}

//! Turning pages without the buttons: a sideways swipe, or the left and
//! right arrow keys.
//!
//! The page view receives pointer events (its CSS lets the browser keep
//! vertical scrolling and pinch-zoom, `touch-action: pan-y pinch-zoom`), and
//! [`classify`] decides whether the gesture from press to release was a
//! swipe. [`use_page_turns`] wires both into event handlers.

use std::cell::Cell;

use yew::prelude::*;

use super::route::Route;
use super::router::Navigator;

/// The page a swipe turns to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Turn {
    Previous,
    Next,
}

/// Where and when a gesture was, in CSS pixels and milliseconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub time: f64,
}

/// How far a finger must travel sideways: far enough that a tap or a
/// wobbly scroll is never a swipe, short enough for one thumb on a phone.
const MIN_DISTANCE: f64 = 60.0;
/// A slow drag is selecting text or reading with a finger, not swiping.
const MAX_DURATION_MS: f64 = 800.0;

/// A mostly horizontal, quick move of at least `MIN_DISTANCE`: to the left
/// turns to the next page (as a paper page turns), to the right to the previous.
pub fn classify(start: Point, end: Point) -> Option<Turn> {
    let (dx, dy) = (end.x - start.x, end.y - start.y);
    let quick = (0.0..=MAX_DURATION_MS).contains(&(end.time - start.time));
    let horizontal = dx.abs() >= MIN_DISTANCE && dx.abs() > 2.0 * dy.abs();
    match (quick && horizontal, dx < 0.0) {
        (false, _) => None,
        (true, true) => Some(Turn::Next),
        (true, false) => Some(Turn::Previous),
    }
}

/// The page view's event handlers for swipes and arrow keys.
pub struct TurnHandlers {
    pub onpointerdown: Callback<PointerEvent>,
    pub onpointerup: Callback<PointerEvent>,
    pub onpointercancel: Callback<PointerEvent>,
    pub onkeydown: Callback<KeyboardEvent>,
}

/// Handlers that open `previous` or `next` (when there is such a page) on
/// a swipe or an arrow key.
#[hook]
pub fn use_page_turns(previous: Option<Route>, next: Option<Route>) -> TurnHandlers {
    let navigator = use_context::<Navigator>();
    let press = use_mut_ref(|| Cell::new(None::<Point>));
    let turn = move |turn: Turn| {
        let to = match turn {
            Turn::Previous => previous.clone(),
            Turn::Next => next.clone(),
        };
        if let (Some(to), Some(navigator)) = (to, navigator.as_ref()) {
            navigator.go.emit(to);
        }
    };
    let onpointerdown = {
        let press = press.clone();
        Callback::from(move |event: PointerEvent| {
            // A mouse drag selects text; only fingers and pens swipe.
            let touch = event.pointer_type() != "mouse";
            press.borrow().set(touch.then(|| point(&event)));
        })
    };
    let onpointerup = {
        let (press, turn) = (press.clone(), turn.clone());
        Callback::from(move |event: PointerEvent| {
            if let Some(direction) = press.borrow().take().and_then(|start| classify(start, point(&event))) {
                turn(direction);
            }
        })
    };
    let onpointercancel = Callback::from(move |_: PointerEvent| press.borrow().set(None));
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() || event.shift_key() {
            return;
        }
        let direction = match event.key().as_str() {
            "ArrowLeft" => Turn::Previous,
            "ArrowRight" => Turn::Next,
            _ => return,
        };
        event.prevent_default();
        turn(direction);
    });
    TurnHandlers { onpointerdown, onpointerup, onpointercancel, onkeydown }
}

fn point(event: &PointerEvent) -> Point {
    Point { x: f64::from(event.client_x()), y: f64::from(event.client_y()), time: event.time_stamp() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(x: f64, y: f64, time: f64) -> Point {
        Point { x, y, time }
    }

    #[test]
    fn a_quick_sideways_swipe_turns_the_page() {
        assert_eq!(classify(at(300.0, 200.0, 0.0), at(100.0, 220.0, 200.0)), Some(Turn::Next));
        assert_eq!(classify(at(60.0, 200.0, 0.0), at(300.0, 190.0, 200.0)), Some(Turn::Previous));
    }

    #[test]
    fn taps_scrolls_and_slow_drags_do_not() {
        assert_eq!(classify(at(100.0, 100.0, 0.0), at(104.0, 102.0, 80.0)), None, "a tap");
        assert_eq!(classify(at(100.0, 400.0, 0.0), at(160.0, 100.0, 200.0)), None, "a diagonal scroll");
        assert_eq!(classify(at(300.0, 100.0, 0.0), at(100.0, 100.0, 2000.0)), None, "a slow drag");
        assert_eq!(classify(at(300.0, 100.0, 500.0), at(100.0, 100.0, 0.0)), None, "time running backwards");
    }
}

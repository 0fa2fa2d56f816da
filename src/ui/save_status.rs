//! The one place a failing save is shown: a bar that stays while saves fail, with the
//! reason and a Retry, and the back-off between automatic retries (no storm of toasts,
//! no write every half second against a full disk).

use crate::i18n::Lang;

crate::texts! {
    pub enum Text {
        NotSaved => "更改尚未保存：", "Your changes are not saved:";
        NextTry => "秒后自动重试", "s until the next try";
        Trying => "正在重试…", "Trying again…";
        RetryNow => "立即重试", "Retry now";
    }
}

/// The first automatic retry waits this long; each failure doubles it, up to
/// [`MAX_BACKOFF`].
const FIRST_BACKOFF: f64 = 2.0;
const MAX_BACKOFF: f64 = 60.0;

/// Whether the last save failed, why, and when the next automatic retry is due.
#[derive(Debug, Default)]
pub struct SaveStatus {
    error: Option<String>,
    /// Failures in a row.
    failures: u32,
    /// No automatic write before this time (egui seconds).
    retry_at: Option<f64>,
}

impl SaveStatus {
    /// Why the last save failed, while it is not yet retried with success.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Failed saves in a row since the last success.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// A save failed at `now`: the next automatic try waits longer each time.
    pub fn failed(&mut self, reason: String, now: f64) {
        self.failures += 1;
        self.error = Some(reason);
        let wait = FIRST_BACKOFF * 2f64.powi(self.failures.saturating_sub(1).min(16) as i32);
        self.retry_at = Some(now + wait.min(MAX_BACKOFF));
    }

    /// A save succeeded: all is well again.
    pub fn succeeded(&mut self) {
        *self = SaveStatus::default();
    }

    /// Seconds until an automatic write may run (0 when it may run now).
    pub fn wait(&self, now: f64) -> f64 {
        self.retry_at.map_or(0.0, |t| (t - now).max(0.0))
    }

    /// The user asked to try again now.
    pub fn retry_now(&mut self) {
        self.retry_at = None;
    }

    /// Draws the bar while saves fail; true when Retry was clicked.
    pub fn show(&self, ui: &mut egui::Ui, lang: Lang, now: f64, busy: bool) -> bool {
        let Some(reason) = &self.error else {
            return false;
        };
        let mut retry = false;
        egui::Panel::top("save_status").show(ui, |ui| {
            egui::Frame::new()
                .fill(ui.visuals().error_fg_color.gamma_multiply(0.15))
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        // The button first, so a longer reason never moves it.
                        if ui
                            .add_enabled(!busy, egui::Button::new(Text::RetryNow.get(lang)))
                            .clicked()
                        {
                            retry = true;
                        }
                        let wait = self.wait(now).ceil();
                        if busy || wait <= 0.0 {
                            ui.weak(Text::Trying.get(lang));
                        } else {
                            ui.weak(format!("{wait:.0} {}", Text::NextTry.get(lang)));
                        }
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            format!("{} {reason}", Text::NotSaved.get(lang)),
                        );
                    });
                });
        });
        if self.retry_at.is_some() {
            // The countdown moves even if nobody touches the window.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(500));
        }
        retry
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_and_a_success_resets() {
        let mut s = SaveStatus::default();
        s.failed("disk full".into(), 10.0);
        assert_eq!(s.wait(10.0), 2.0);
        s.failed("disk full".into(), 12.0);
        assert_eq!(s.wait(12.0), 4.0);
        for _ in 0..20 {
            s.failed("disk full".into(), 100.0);
        }
        assert_eq!(s.wait(100.0), MAX_BACKOFF);
        s.retry_now();
        assert_eq!(s.wait(100.0), 0.0);
        assert_eq!(s.error(), Some("disk full"));
        s.succeeded();
        assert_eq!(s.error(), None);
        assert_eq!(s.failures(), 0);
    }
}

// Dates in the Hangfire Dashboard as the bureau writes them, 2026-12-02 16:28, in any language.
// Hangfire formats dates in the browser with moment.js under the page's language, which is "zh" for
// zh-CN: a name moment does not know, so it would fall back to English dates. This script runs after
// hangfire.js and before the page starts (on DOM ready), and gives moment a locale of ISO formats
// whose words (relative times such as "3 分钟前") are those of the page's language.
(function (hangfire, moment) {
    if (!hangfire || !hangfire.config || !moment) return;
    var lang = String(hangfire.config.locale || 'en').toLowerCase();
    var known = moment.locales();
    var parent = known.indexOf(lang) >= 0 ? lang : (lang === 'zh' ? 'zh-cn' : 'en');
    var day = 'YYYY-MM-DD', minute = 'YYYY-MM-DD HH:mm';
    moment.defineLocale('proposals', {
        parentLocale: parent,
        longDateFormat: { LT: 'HH:mm', LTS: 'HH:mm', L: day, LL: day, LLL: minute, LLLL: minute, l: day, ll: day, lll: minute, llll: minute }
    });
    hangfire.config.locale = 'proposals';
})(window.Hangfire, window.moment);

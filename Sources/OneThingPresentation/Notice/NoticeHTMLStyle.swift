import OneThing

/// The style sheet of the HTML notice: readable on a screen, and printed on A4 with
/// 15 mm margins, tables kept whole row by row, headings kept with what follows and
/// the graph scaled to the width of the page. Only fonts already on the reader's
/// machine are named. The pages of the server (`OneThingPages`) start from it too.
public enum NoticeHTMLStyle {
    /// The CSS, ending with a line break.
    public static let css = """
        :root {
          --ink: #1d232b;
          --muted: #5a6470;
          --rule: #c9d0d8;
          --head: #eef2f6;
          --accent: #9f1d20;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0;
          background: #f3f4f6;
          color: var(--ink);
          font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC",
            "Hiragino Sans GB", "Microsoft YaHei", sans-serif;
          font-size: 15px;
          line-height: 1.7;
        }
        main.notice {
          max-width: 54rem;
          margin: 2rem auto;
          padding: 2.5rem 3rem;
          background: #fff;
          box-shadow: 0 1px 4px rgba(0, 0, 0, 0.12);
        }
        header { text-align: center; border-bottom: 2px solid var(--accent); margin-bottom: 1.2rem; }
        h1 { font-size: 1.6rem; margin: 0 0 0.4rem; letter-spacing: 0.06em; color: var(--accent); }
        .byline { color: var(--muted); font-size: 0.9rem; margin: 0 0 0.8rem; }
        .salutation { font-weight: 600; margin-bottom: 0.3rem; }
        h2 {
          font-size: 1.2rem;
          margin: 1.8rem 0 0.6rem;
          padding-bottom: 0.2rem;
          border-bottom: 1px solid var(--rule);
        }
        h3 { font-size: 1.02rem; margin: 1.2rem 0 0.4rem; }
        p { margin: 0.45rem 0; overflow-wrap: anywhere; }
        ul, ol { margin: 0.4rem 0; padding-left: 1.6rem; }
        li { margin: 0.25rem 0; overflow-wrap: anywhere; }
        table { width: 100%; border-collapse: collapse; margin: 0.6rem 0 0.9rem; font-size: 0.9rem; line-height: 1.55; }
        th, td {
          border: 1px solid var(--rule);
          padding: 0.3rem 0.5rem;
          text-align: left;
          vertical-align: top;
          overflow-wrap: anywhere;
        }
        thead th { background: var(--head); font-weight: 600; }
        th.number, td.number, th.short, td.short { white-space: nowrap; }
        th.number, td.number { width: 2.5em; }
        th.name, td.name { min-width: 8.5em; }
        table.facts th { width: 9rem; background: var(--head); font-weight: 600; white-space: nowrap; }
        .warning {
          border-left: 4px solid var(--accent);
          background: #fdf1f1;
          padding: 0.5rem 0.8rem;
        }
        figure.graph { margin: 1rem 0; }
        figure.graph svg { display: block; width: 100%; height: auto; }
        figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 0.4rem; text-align: center; }
        footer { margin-top: 2rem; padding-top: 0.6rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.85rem; }
        footer p { margin: 0.2rem 0; }
        @media (max-width: 40rem) {
          main.notice { margin: 0; padding: 1.2rem; box-shadow: none; }
          th.short, td.short { white-space: normal; }
        }
        @page { size: A4; margin: 15mm; }
        @media print {
          body { background: #fff; font-size: 10.5pt; line-height: 1.6; }
          main.notice { max-width: none; margin: 0; padding: 0; box-shadow: none; }
          h1 { font-size: 17pt; }
          h2 { font-size: 13pt; margin-top: 1.2em; }
          h3 { font-size: 11pt; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          p:has(+ table), p:has(+ figure) { break-after: avoid; page-break-after: avoid; }
          table { font-size: 9.5pt; }
          thead { display: table-header-group; }
          tr, th, td, li, .facts tr { break-inside: avoid; page-break-inside: avoid; }
          figure.graph { break-inside: avoid; page-break-inside: avoid; }
          figure.graph svg { max-height: 255mm; }
          p { orphans: 3; widows: 3; }
        }
        * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }

        """
}

/// The pages' own style rules, added after the notice's style sheet
/// (`NoticeHTMLStyle`), whose palette, type, tables and print rules they keep: the
/// English beside the Chinese, status chips, summary cards, task cards and their
/// forms, charts. Forms and the live-update line are not printed.
enum PageStyle {
    /// The CSS, ending with a line break.
    static let css = """
        main.page.wide { max-width: 76rem; }
        main.page.medium { max-width: 64rem; }
        table.steps, table.risk { table-layout: fixed; }
        table.steps th:nth-child(1) { width: 26%; }
        table.steps th:nth-child(2) { width: 19%; }
        table.steps th:nth-child(4) { width: 7.5rem; }
        table.steps th:nth-child(5) { width: 9.5rem; }
        table.risk th:nth-child(1) { width: 10.5rem; }
        table.risk th:nth-child(2) { width: 10rem; }
        table.risk th:nth-child(4) { width: 8.5rem; }
        table.risk th:nth-child(5) { width: 22%; }
        td .status { white-space: normal; }
        table.steps td, table.risk td, table.steps li, table.risk li { overflow-wrap: break-word; }
        details.letter { margin: 0.4rem 0; }
        div.letter { border-left: 3px solid var(--rule); padding-left: 1rem; margin-top: 0.5rem; }
        div.letter h2 { font-size: 1.05rem; }
        .en { color: var(--muted); font-size: 0.82em; font-weight: normal; margin-left: 0.45em; letter-spacing: 0; }
        .en.block { display: block; margin-left: 0; }
        h1 .en.block { font-size: 0.6em; margin-top: 0.1rem; color: var(--muted); }
        th .en { display: block; margin-left: 0; }
        td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .none { color: var(--muted); }
        .date, .id { white-space: nowrap; font-variant-numeric: tabular-nums; }
        strong.alert { color: var(--accent); }
        .status {
          display: inline-block;
          padding: 0 0.45em;
          border: 1px solid;
          border-radius: 3px;
          font-size: 0.85em;
          line-height: 1.6;
          white-space: nowrap;
        }
        .status .en { margin-left: 0.3em; }
        .status.done { color: #1c6b3a; background: #eaf6ee; border-color: #b5dcc3; }
        .status.open { color: #1b4a8a; background: #edf3fc; border-color: #b8cdea; }
        .status.applicant { color: #7a4f00; background: #fdf5e1; border-color: #e7d29a; }
        .status.late { color: #9f1d20; background: #fdf1f1; border-color: #eebcbc; }
        .status.off { color: #4f5862; background: #f1f3f5; border-color: var(--rule); }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr)); gap: 0.8rem; margin: 0.8rem 0; }
        .card { border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem 0.8rem; background: #fafbfc; }
        .card .label { font-size: 0.85rem; color: var(--muted); }
        .card .label .en { display: block; margin-left: 0; font-size: 0.78rem; }
        .card .value { font-size: 1.6rem; font-weight: 600; line-height: 1.3; font-variant-numeric: tabular-nums; }
        .card.alert .value { color: var(--accent); }
        .meter { height: 0.55rem; background: var(--head); border-radius: 3px; overflow: hidden; margin: 0.3rem 0 0.6rem; }
        .meter span { display: block; height: 100%; background: #2e7d4f; }
        .task { border: 1px solid var(--rule); border-radius: 6px; padding: 0.7rem 1rem; margin: 0.9rem 0; }
        .task.overdue { border-left: 4px solid var(--accent); }
        .task h3 { margin: 0 0 0.3rem; }
        .task .facts { margin: 0.4rem 0; }
        .task-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 0 1.2rem; }
        .actions { display: flex; flex-wrap: wrap; gap: 0.7rem; margin-top: 0.6rem; }
        .actions form { flex: 1 1 15rem; border: 1px dashed var(--rule); border-radius: 4px; padding: 0.5rem 0.7rem; margin: 0; }
        .actions form.claim { flex: 0 0 auto; border: none; padding: 0; }
        label { display: block; font-size: 0.9rem; margin: 0.2rem 0; }
        label.check { display: inline-block; margin-right: 0.8rem; }
        textarea { display: block; width: 100%; min-height: 3.4em; margin: 0.2rem 0 0.4rem; font: inherit; padding: 0.3rem; }
        button {
          font: inherit;
          font-size: 0.92rem;
          padding: 0.2rem 0.9rem;
          border: 1px solid #1b4a8a;
          border-radius: 4px;
          background: #fff;
          color: #1b4a8a;
          cursor: pointer;
        }
        button.primary { background: #1b4a8a; color: #fff; }
        button.primary .en { color: #dbe6f6; }
        button.danger { border-color: var(--accent); color: var(--accent); }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(30rem, 1fr)); gap: 0.6rem 1.6rem; }
        figure.chart { margin: 0.4rem 0 1rem; }
        figure.chart svg { display: block; width: 100%; max-width: 600px; height: auto; }
        details { margin: 0.3rem 0; }
        summary { cursor: pointer; color: #1b4a8a; }
        .legend { font-size: 0.85rem; color: var(--muted); margin: 0.2rem 0; }
        .swatch { display: inline-block; width: 0.8em; height: 0.8em; margin: 0 0.25em 0 0.8em; vertical-align: -0.05em; border-radius: 2px; }
        input[name] { display: block; width: 100%; max-width: 30rem; box-sizing: border-box; margin: 0.2rem 0 0.5rem; font: inherit; padding: 0.3rem; }
        input[type=hidden] { display: none; }
        .hint { font-size: 0.85rem; color: var(--muted); margin: 0.3rem 0; }
        nav.account { display: flex; flex-wrap: wrap; align-items: center; justify-content: flex-end; gap: 0.3rem 0.7rem; font-size: 0.9rem; color: var(--muted); }
        nav.account form { margin: 0; }
        .flash { border: 1px solid #b5dcc3; background: #eaf6ee; color: #1c6b3a; border-radius: 4px; padding: 0.45rem 0.8rem; }
        .flash.refused { border-color: #eebcbc; background: #fdf1f1; color: #9f1d20; }
        .live-status { font-size: 0.82rem; color: var(--muted); margin: 0; }
        .live-status[hidden] { display: none; }
        @media (max-width: 40rem) {
          main.page table { display: block; max-width: 100%; overflow-x: auto; }
          main.page th:first-child, main.page td:first-child { min-width: 7.5rem; }
          main.page th, main.page td { overflow-wrap: normal; word-break: normal; }
          figure.chart svg { max-width: 100%; }
          .charts { grid-template-columns: 1fr; }
          .task-grid { grid-template-columns: 1fr; }
          .task-grid > div { min-width: 0; }
          .task code { overflow-wrap: anywhere; }
          .task { padding: 0.6rem 0.6rem; }
          table.steps, table.risk { table-layout: auto; }
          table.steps th, table.risk th { width: auto !important; }
          .actions form { flex-basis: 100%; }
        }
        @media print {
          form, button, .actions, .live-status, nav.account { display: none !important; }
          main.page.wide, main.page.medium { max-width: none; }
          .charts { grid-template-columns: 1fr 1fr; }
          .task, .card, figure.chart { break-inside: avoid; page-break-inside: avoid; }
        }

        """
}

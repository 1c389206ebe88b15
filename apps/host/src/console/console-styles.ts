/** The console's whole look: inline, so the pages need nothing but the host (offline, air-gapped). */
export const consoleStyles = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
    "Liberation Sans", Helvetica, Arial, sans-serif; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
header { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; padding: .6rem 1.5rem;
  background: #25292e; color: #fff; }
header .brand { color: #fff; font-weight: 700; font-size: 1.05rem; }
header .who { margin-left: auto; color: #d1d9e0; font-size: .9rem; }
header form { margin: 0; display: flex; gap: .4rem; }
header input[type=search] { width: 20rem; border-color: #59636e; background: #fff; }
main { max-width: 1120px; margin: 1.5rem auto 3rem; padding: 0 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
.muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; white-space: nowrap; }
.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.zero { color: #afb8c1; }
code, .mono, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace;
  font-size: .88em; }
.state { display: inline-block; padding: 0 .55rem; border-radius: 1rem; font-size: .82rem; font-weight: 600;
  background: #eff2f5; color: #393f46; white-space: nowrap; }
.state-succeeded { background: #dafbe1; color: #116329; }
.state-failed { background: #ffebe9; color: #a40e26; }
.state-needs_attention { background: #fff8c5; color: #7a4d00; }
.state-pending, .state-sending, .state-unknown { background: #ddf4ff; color: #0a3069; }
.notice { padding: .6rem .9rem; border: 1px solid; border-radius: 6px; margin: 0 0 1rem; }
.notice-ok { background: #dafbe1; border-color: #4ac26b; }
.notice-error { background: #ffebe9; border-color: #ff8182; }
.panel { border: 1px solid var(--line); border-radius: 8px; padding: .9rem 1.1rem; }
.actions { display: flex; gap: 1rem; flex-wrap: wrap; margin: .5rem 0 1rem; }
.actions form { flex: 1 1 22rem; }
label { display: block; margin: .5rem 0 .2rem; font-weight: 600; font-size: .9rem; }
.choices label { display: inline; font-weight: normal; margin-right: 1rem; }
input[type=text], input[type=password], input[type=search], textarea { width: 100%; font: inherit;
  padding: .35rem .55rem; border: 1px solid var(--line); border-radius: 6px; }
textarea { min-height: 3.6rem; resize: vertical; }
button { font: inherit; font-weight: 600; padding: .35rem 1rem; margin-top: .6rem; border-radius: 6px;
  border: 1px solid #1a7f37; background: #1f883d; color: #fff; cursor: pointer; }
button.secondary { background: var(--soft); color: var(--ink); border-color: var(--line); }
header button { margin: 0; }
.timeline { list-style: none; padding: 0; margin: .5rem 0; }
.timeline li { border-left: 3px solid var(--line); padding: .2rem 0 .6rem .9rem; }
.timeline .type { font-weight: 600; }
pre { background: var(--soft); border-radius: 6px; padding: .5rem .7rem; margin: .3rem 0 0; overflow: auto;
  max-height: 14rem; font-size: .8rem; white-space: pre-wrap; overflow-wrap: anywhere; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; margin: 0 0 1rem; }
dl.fields dt { color: var(--muted); }
dl.fields dd { margin: 0; }
.legend { display: flex; gap: 1.2rem; font-size: .85rem; color: var(--muted); margin: .2rem 0 0; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; margin-right: .35rem;
  vertical-align: -1px; }
.sign-in { max-width: 26rem; margin: 4rem auto; }
`;

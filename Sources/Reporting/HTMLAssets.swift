/// The html report's style sheet and script, inlined into every page (no network).
///
/// The script reads the JSON data block and draws with `createElement` and `textContent` only (never `innerHTML`),
/// so a value from the configuration is always text. It draws a screen at a time: OUs with many accounts start
/// closed, and the account rows of an open OU, the timeline and the finding list come in pages.
enum HTMLAssets {
  static let css = #"""
    :root { color-scheme: light dark; --bg: #ffffff; --fg: #1c1e21; --muted: #5b6169; --line: #c9ced6;
      --panel: #f4f6f8; --error: #b3261e; --warning: #8a5300; --note: #0b57b0; --clean: #1e7b34; --nj: #5b6169;
      --on-sev: #ffffff; --focus: #6d28d9; --win-closed: #8a93a0; --target: #fff4c2; }
    @media (prefers-color-scheme: dark) {
      :root { --bg: #15171b; --fg: #e8eaed; --muted: #a9b0ba; --line: #3d434c; --panel: #1f2329; --error: #ff8f86;
        --warning: #f2c261; --note: #8fbcff; --clean: #72d48c; --nj: #b8bec7; --on-sev: #15171b; --focus: #c4a7ff;
        --win-closed: #7d8794; --target: #3b3413; }
    }
    * { box-sizing: border-box; }
    body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.45 system-ui, -apple-system, "Segoe UI",
      "DejaVu Sans", sans-serif; }
    header, main { max-width: 1200px; margin: 0 auto; padding: 0 20px; }
    header { padding-top: 12px; }
    h1 { font-size: 1.6em; margin: 8px 0 4px; }
    h2 { font-size: 1.25em; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
    code, pre, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
    a { color: var(--note); }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .skip { position: absolute; left: -9999px; } .skip:focus { left: 8px; top: 8px; background: var(--bg); padding: 4px; }
    .facts, .muted, .hint { color: var(--muted); }
    .hint { font-size: 0.9em; margin: 4px 0; }
    .notjudged { color: var(--nj); }
    .charts { display: flex; flex-wrap: wrap; gap: 24px 48px; }
    .chart { margin: 0; } .chart figcaption { font-weight: 600; margin-bottom: 4px; }
    .chart text { fill: var(--fg); font-size: 13px; } .chart .muted { fill: var(--muted); }
    .bar.sev-error rect { fill: var(--error); } .bar.sev-warning rect { fill: var(--warning); }
    .bar.sev-note rect { fill: var(--note); }
    .legend { font-size: 0.9em; display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center; }
    .mark.sev-error { color: var(--error); } .mark.sev-warning { color: var(--warning); }
    .mark.sev-note { color: var(--note); } .mark.sev-clean { color: var(--clean); } .mark.nj { color: var(--nj); }
    .badge { display: inline-block; border: 1px solid var(--line); border-radius: 4px; padding: 0 5px;
      font-size: 0.85em; color: var(--fg); background: var(--panel); }
    .badge.pol { border-style: dashed; }
    .org-layout { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 16px; align-items: start; }
    @media (max-width: 900px) { .org-layout { grid-template-columns: 1fr; } }
    .tree { overflow: auto; max-height: 75vh; border: 1px solid var(--line); border-radius: 6px; padding: 6px; }
    .tree svg { display: block; font-size: 13px; }
    .tree text { fill: var(--fg); } .tree .sub { fill: var(--muted); }
    .tree .edge { stroke: var(--line); fill: none; }
    .tree .row { cursor: pointer; } .tree .row:focus { outline: none; }
    .tree .row:focus .hit, .tree .row.selected .hit { stroke: var(--focus); stroke-width: 2; }
    .tree .hit { fill: transparent; rx: 4; }
    .tree .dot { stroke: var(--bg); stroke-width: 1.5; }
    .tree .dot.sev-error { fill: var(--error); } .tree .dot.sev-warning { fill: var(--warning); }
    .tree .dot.sev-note { fill: var(--note); } .tree .dot.sev-clean { fill: var(--clean); }
    .tree .dot.ou { fill: var(--panel); stroke: var(--muted); }
    .tree .sym { fill: var(--on-sev); font-size: 11px; font-weight: 700; }
    .tree .ou-sym { fill: var(--fg); font-size: 11px; }
    .tree .njring { fill: none; stroke: var(--nj); stroke-width: 2; stroke-dasharray: 3 2; }
    .tree .tag { fill: var(--muted); font-size: 11.5px; }
    .tree .tag.role { fill: var(--fg); font-weight: 600; }
    .tree .more text { fill: var(--note); text-decoration: underline; }
    #account-panel { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: var(--panel);
      max-height: 75vh; overflow: auto; }
    #account-panel h3 { margin: 0 0 6px; font-size: 1.05em; overflow-wrap: anywhere; }
    #account-panel ul { padding-left: 18px; margin: 6px 0; }
    #account-panel li { margin: 4px 0; overflow-wrap: anywhere; }
    .tl-axis, .tl-row { display: grid; grid-template-columns: 300px minmax(0, 1fr); gap: 10px; align-items: center; }
    .tl-row { border-top: 1px solid var(--line); padding: 3px 0; }
    .tl-label { overflow-wrap: anywhere; font-size: 0.9em; }
    .tl-label .open { color: var(--error); font-weight: 600; }
    .tl-row svg, .tl-axis svg { width: 100%; height: 26px; display: block; }
    .tl-axis text { fill: var(--muted); font-size: 11px; }
    .tl-axis line, .tl-row .grid { stroke: var(--line); }
    .win-closed { fill: var(--win-closed); opacity: 0.55; }
    .win-open { fill: var(--error); opacity: 0.35; stroke: var(--error); stroke-dasharray: 4 2; }
    .task { fill: var(--fg); stroke: var(--bg); stroke-width: 1; }
    .task.create { fill: var(--error); } .task.delete { fill: var(--clean); } .task.audit { fill: var(--note); }
    .now-line { stroke: var(--fg); stroke-width: 1.5; }
    .lg-create, .lg-window { color: var(--error); } .lg-delete { color: var(--clean); } .lg-audit { color: var(--note); }
    form#filters { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: end; background: var(--panel);
      padding: 8px 12px; border-radius: 6px; }
    form#filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: 10px; }
    form#filters legend { float: left; margin-right: 8px; font-weight: 600; }
    select, input[type=search] { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--muted);
      border-radius: 4px; padding: 2px 4px; }
    input[type=search] { width: 16em; }
    button { font: inherit; color: var(--fg); background: var(--panel); border: 1px solid var(--muted);
      border-radius: 4px; padding: 3px 10px; cursor: pointer; margin: 6px 0; }
    ol.findings { list-style: none; padding: 0; margin: 8px 0; }
    .finding { border: 1px solid var(--line); border-left: 6px solid var(--muted); border-radius: 6px; padding: 6px 12px;
      margin: 8px 0; }
    .finding.sev-error { border-left-color: var(--error); } .finding.sev-warning { border-left-color: var(--warning); }
    .finding.sev-note { border-left-color: var(--note); }
    .finding.inactive { opacity: 0.8; border-left-style: dotted; }
    .finding.targeted { background: var(--target); }
    .finding h3 { font-size: 1em; margin: 0; font-weight: 600; display: flex; gap: 8px; flex-wrap: wrap; align-items: baseline; }
    .sevtag { font-weight: 700; } .sevtag.sev-error { color: var(--error); }
    .sevtag.sev-warning { color: var(--warning); } .sevtag.sev-note { color: var(--note); }
    .finding .msg { margin: 4px 0; overflow-wrap: anywhere; }
    .finding .loc { margin: 2px 0; color: var(--muted); font-size: 0.9em; overflow-wrap: anywhere; }
    .finding .permalink { margin-left: auto; font-weight: 400; font-size: 0.9em; }
    pre.src { background: var(--panel); padding: 4px 8px; margin: 4px 0; overflow-x: auto; border-radius: 4px; }
    pre.src .ln { color: var(--muted); user-select: none; display: inline-block; min-width: 3.5em; }
    .finding details { margin: 4px 0; } .finding details summary { cursor: pointer; color: var(--note); }
    .finding .md { overflow-wrap: anywhere; margin: 2px 0 6px; } .finding .md p { margin: 4px 0; }
    .finding h4 { margin: 6px 0 0; font-size: 0.95em; }
    @media print {
      .skip, form#filters, button, .hint, .tree .more { display: none !important; }
      .tree, #account-panel { max-height: none; overflow: visible; }
      .org-layout { display: block; } #account-panel { display: none; }
      .finding { break-inside: avoid; } h2 { break-after: avoid; } pre.src { white-space: pre-wrap; }
      body { font-size: 11pt; }
    }

    """#

  static let script = #"""
    (function () {
    "use strict";
    var D = JSON.parse(document.getElementById("orglint-data").textContent);
    var SEV = ["note", "warning", "error"];
    var SYM = { "-1": "✓", "0": "●", "1": "▲", "2": "✖" };
    var NS = "http://www.w3.org/2000/svg";
    var PAGE = 200, ACCOUNT_PAGE = 100, TL_PAGE = 100, ROW = 24;
    function el(tag, attrs, text) {
      var e = document.createElement(tag);
      if (attrs) for (var k in attrs) e.setAttribute(k, attrs[k]);
      if (text != null) e.textContent = text;
      return e;
    }
    function sv(tag, attrs, text) {
      var e = document.createElementNS(NS, tag);
      if (attrs) for (var k in attrs) e.setAttribute(k, attrs[k]);
      if (text != null) e.textContent = text;
      return e;
    }
    function sevClass(code) { return code < 0 ? "sev-clean" : "sev-" + SEV[code]; }
    function sevWord(code) { return code < 0 ? "no finding" : SEV[code]; }
    function iso(t) { return new Date(t * 1000).toISOString().replace(".000Z", "Z"); }
    function age(seconds) {
      var d = Math.floor(seconds / 86400);
      if (d >= 1) return d + (d === 1 ? " day" : " days");
      var h = Math.floor(seconds / 3600);
      return h + (h === 1 ? " hour" : " hours");
    }
    function accountLabel(i) { var a = D.accounts[i]; return (a[1] || "(no name)") + " (" + a[0] + ")"; }

    // ---- The OU tree: units with their accounts, worst severity and counts rolled up to Root.
    var root = { name: "Root", path: "", pol: D.rootPolicies, parent: -2, units: [], accounts: [], worst: -1,
      nj: 0, n: 0, bad: [0, 0, 0], open: true, shown: ACCOUNT_PAGE, key: "u-root" };
    var U = D.units.map(function (u, i) {
      return { name: u[0], path: u[1], pol: u[2], parent: u[3], units: [], accounts: [], worst: -1, nj: 0, n: 0,
        bad: [0, 0, 0], open: false, shown: ACCOUNT_PAGE, key: "u-" + i };
    });
    function unitOf(i) { return i >= 0 ? U[i] : root; }
    U.forEach(function (u, i) { unitOf(u.parent).units.push(i); });
    D.accounts.forEach(function (a, i) {
      unitOf(a[2]).accounts.push(i);
      for (var p = a[2]; ; p = U[p].parent) {
        var u = unitOf(p);
        u.n++; if (a[5] >= 0) u.bad[a[5]]++; if (a[6] > 0) u.nj++;
        if (a[5] > u.worst) u.worst = a[5];
        if (p < 0) break;
      }
    });
    // Small organizations open fully; large ones show the top level only.
    if (D.accounts.length <= 300) U.forEach(function (u) { u.open = true; });
    var byAccount = {};
    D.findings.forEach(function (f, i) { if (f[6] >= 0) (byAccount[f[6]] = byAccount[f[6]] || []).push(i); });
    var selectedAccount = -1, focusKey = "u-root";

    function visibleRows() {
      var rows = [];
      function walk(node, depth, parentRow) {
        var me = rows.length;
        rows.push({ kind: "unit", node: node, depth: depth, parent: parentRow, key: node.key });
        if (!node.open) return;
        node.units.forEach(function (i) { walk(U[i], depth + 1, me); });
        var k = Math.min(node.accounts.length, node.shown);
        for (var j = 0; j < k; j++)
          rows.push({ kind: "account", index: node.accounts[j], depth: depth + 1, parent: me, key: "a-" + node.accounts[j] });
        if (node.accounts.length > k)
          rows.push({ kind: "more", node: node, depth: depth + 1, parent: me, key: "m-" + node.key,
            left: node.accounts.length - k });
      }
      walk(root, 0, -1);
      return rows;
    }

    function drawTree() {
      var host = document.getElementById("tree");
      var rows = visibleRows();
      var width = 400;
      var svg = sv("svg", { role: "tree", "aria-label": "Organization " + D.org + ": OUs and accounts" });
      rows.forEach(function (r, i) {
        var x = 10 + r.depth * 22, y = i * ROW + ROW / 2;
        if (r.parent >= 0) {
          var px = 10 + (r.depth - 1) * 22, py = r.parent * ROW + ROW / 2;
          svg.appendChild(sv("path", { "class": "edge", d: "M" + px + "," + (py + 7) + "V" + y + "H" + (x - 8) }));
        }
        var g = sv("g", { "class": "row", role: "treeitem", tabindex: r.key === focusKey ? "0" : "-1",
          "data-key": r.key, "aria-level": String(r.depth + 1) });
        var words = [], tags = [];
        g.appendChild(sv("rect", { "class": "hit", x: x - 9, y: y - ROW / 2 + 1, height: ROW - 2, width: 10 }));
        if (r.kind === "unit") {
          var u = r.node;
          g.setAttribute("aria-expanded", u.open ? "true" : "false");
          g.setAttribute("data-kind", "ou");
          g.appendChild(sv("rect", { "class": "dot ou", x: x - 7, y: y - 7, width: 14, height: 14, rx: 3 }));
          g.appendChild(sv("text", { "class": "ou-sym", x: x, y: y + 4, "text-anchor": "middle" }, u.open ? "−" : "+"));
          var label = u.name + (u === root && D.org ? " " + D.org : "");
          words.push(label);
          var summary = u.n + (u.n === 1 ? " account" : " accounts");
          var parts = [];
          if (u.bad[2]) parts.push(SYM[2] + " " + u.bad[2]);
          if (u.bad[1]) parts.push(SYM[1] + " " + u.bad[1]);
          if (u.bad[0]) parts.push(SYM[0] + " " + u.bad[0]);
          if (u.nj) parts.push("? " + u.nj);
          tags.push({ t: summary + (parts.length ? ": " + parts.join(" ") : ""), c: "tag" });
          if (u.pol.length) tags.push({ t: "SCP: " + u.pol.join(", "), c: "tag" });
          g.setAttribute("aria-label", label + ", OU, " + summary + "; accounts with errors " + u.bad[2] +
            ", warnings " + u.bad[1] + ", notes " + u.bad[0] + (u.pol.length ? "; SCPs " + u.pol.join(", ") : ""));
        } else if (r.kind === "account") {
          var a = D.accounts[r.index];
          g.setAttribute("data-kind", "account");
          g.setAttribute("data-account", a[0]);
          g.setAttribute("data-worst", sevWord(a[5]));
          if (r.index === selectedAccount) g.setAttribute("class", "row selected");
          g.appendChild(sv("circle", { "class": "dot " + sevClass(a[5]), cx: x, cy: y, r: 8 }));
          if (a[6] > 0) g.appendChild(sv("circle", { "class": "njring", cx: x, cy: y, r: 10.5 }));
          g.appendChild(sv("text", { "class": "sym", x: x, y: y + 4, "text-anchor": "middle" }, SYM[a[5]]));
          words.push(accountLabel(r.index));
          if (a[3] & 1) tags.push({ t: "management", c: "tag role" });
          if (a[3] & 2) tags.push({ t: "IAM admin", c: "tag role" });
          if (a[4].length) tags.push({ t: "SCP: " + a[4].join(", "), c: "tag" });
          if (a[6] > 0) tags.push({ t: "? " + a[6] + " not judged", c: "tag" });
          var n = (byAccount[r.index] || []).length;
          if (n) tags.push({ t: n + (n === 1 ? " finding" : " findings"), c: "tag" });
          g.setAttribute("aria-label", accountLabel(r.index) + ", account, worst: " + sevWord(a[5]) +
            ((a[3] & 1) ? ", management account" : "") + ((a[3] & 2) ? ", IAM delegated administrator" : "") +
            (a[6] > 0 ? ", " + a[6] + " checks not judged" : "") + ", " + n + " findings");
        } else {
          g.setAttribute("class", "row more");
          g.setAttribute("data-kind", "more");
          words.push("show " + Math.min(ACCOUNT_PAGE, r.left) + " more accounts (" + r.left + " not shown)");
          g.setAttribute("aria-label", words[0]);
        }
        var tx = x + 14;
        var t = sv("text", { x: tx, y: y + 4 });
        t.appendChild(sv("tspan", null, words[0]));
        tags.forEach(function (tag) { t.appendChild(sv("tspan", { "class": tag.c, dx: "10" }, tag.t)); });
        g.appendChild(t);
        var estimate = (words[0].length + tags.reduce(function (s, tg) { return s + tg.t.length + 2; }, 0)) * 7.4;
        g.firstChild.setAttribute("width", String(estimate + 30));
        width = Math.max(width, tx + estimate + 20);
        g.__row = r;
        svg.appendChild(g);
      });
      svg.setAttribute("width", String(Math.ceil(width)));
      svg.setAttribute("height", String(rows.length * ROW + 4));
      host.replaceChildren(svg);
      svg.addEventListener("click", function (e) {
        var g = e.target.closest(".row");
        if (g) activate(g.__row);
      });
      svg.addEventListener("keydown", treeKey);
      return svg;
    }

    function focusRow(key) {
      var g = document.querySelector('#tree .row[data-key="' + key + '"]');
      if (!g) return;
      document.querySelectorAll("#tree .row[tabindex='0']").forEach(function (o) { o.setAttribute("tabindex", "-1"); });
      g.setAttribute("tabindex", "0");
      focusKey = key;
      g.focus();
    }

    function activate(r) {
      focusKey = r.key;
      if (r.kind === "unit") { r.node.open = !r.node.open; drawTree(); focusRow(r.key); }
      else if (r.kind === "more") { r.node.shown += ACCOUNT_PAGE; drawTree(); focusRow(r.key); }
      else { history.replaceState(null, "", "#account-" + D.accounts[r.index][0]); selectAccount(r.index, false); }
    }

    function treeKey(e) {
      var g = e.target.closest(".row");
      if (!g) return;
      var rows = Array.prototype.slice.call(document.querySelectorAll("#tree .row"));
      var i = rows.indexOf(g), r = g.__row;
      if (e.key === "ArrowDown" && i + 1 < rows.length) focusRow(rows[i + 1].getAttribute("data-key"));
      else if (e.key === "ArrowUp" && i > 0) focusRow(rows[i - 1].getAttribute("data-key"));
      else if (e.key === "Home") focusRow(rows[0].getAttribute("data-key"));
      else if (e.key === "End") focusRow(rows[rows.length - 1].getAttribute("data-key"));
      else if (e.key === "ArrowRight" && r.kind === "unit" && !r.node.open) activate(r);
      else if (e.key === "ArrowLeft" && r.kind === "unit" && r.node.open) activate(r);
      else if (e.key === "ArrowLeft" && r.parent >= 0) focusRow(rows[r.parent].getAttribute("data-key"));
      else if (e.key === "Enter" || e.key === " ") activate(r);
      else return;
      e.preventDefault();
    }

    function selectAccount(i, reveal) {
      selectedAccount = i;
      var a = D.accounts[i];
      if (reveal) {
        for (var p = a[2]; p >= 0; p = U[p].parent) U[p].open = true;
        var home = unitOf(a[2]);
        var pos = home.accounts.indexOf(i);
        if (pos >= home.shown) home.shown = pos + 1;
        focusKey = "a-" + i;
      }
      drawTree();
      if (reveal) {
        var g = document.querySelector('#tree .row[data-key="a-' + i + '"]');
        if (g) g.scrollIntoView({ block: "nearest" });
      } else focusRow("a-" + i);
      var panel = document.getElementById("account-panel");
      var box = [el("h3", null, accountLabel(i))];
      var facts = [];
      facts.push("OU: " + (a[2] >= 0 ? U[a[2]].path : "Root"));
      facts.push("worst finding: " + sevWord(a[5]));
      if (a[3] & 1) facts.push("management account");
      if (a[3] & 2) facts.push("IAM delegated administrator");
      if (a[4].length) facts.push("SCPs attached here: " + a[4].join(", "));
      if (a[6] > 0) facts.push(a[6] + (a[6] === 1 ? " check" : " checks") + " not judged (facts listed as unknown): " +
        a[7].map(function (k) { return D.rules[k][0]; }).join(", "));
      var ul = el("ul");
      facts.forEach(function (f) { ul.appendChild(el("li", null, f)); });
      box.push(ul);
      var list = byAccount[i] || [];
      box.push(el("p", null, list.length ? list.length + (list.length === 1 ? " finding:" : " findings:") : "No finding."));
      var fl = el("ul", { "class": "account-findings" });
      list.slice(0, 200).forEach(function (k) {
        var f = D.findings[k], li = el("li");
        li.appendChild(el("span", { "class": "sevtag " + sevClass(f[1]) }, SYM[f[1]] + " " + SEV[f[1]] + " "));
        li.appendChild(el("a", { href: "#" + f[9] }, D.rules[f[0]][0] + ": " + f[2]));
        fl.appendChild(li);
      });
      if (list.length > 200) fl.appendChild(el("li", null, (list.length - 200) + " more in the list below"));
      box.push(fl);
      if (list.length) {
        var b = el("button", { type: "button" }, "Show only these in the finding list");
        b.addEventListener("click", function () { filter.account = i; applyFilters(); document.getElementById("findings").scrollIntoView(); });
        box.push(b);
      }
      panel.replaceChildren.apply(panel, box);
    }

    // ---- Timeline of privileged tasks, per account, ending at now.
    var tlRows = [], tlShown = TL_PAGE, t0 = null, t1 = D.now;
    (function () {
      var byId = {};
      D.tasks.forEach(function (t, i) {
        var r = byId[t[1]];
        if (!r) { r = byId[t[1]] = { id: t[1], account: t[0], tasks: [], windows: [], open: null, last: -Infinity }; tlRows.push(r); }
        r.tasks.push(i);
        if (t[3] != null) {
          if (t0 == null || t[3] < t0) t0 = t[3];
          if (t[3] > r.last) r.last = t[3];
          if (D.now == null) t1 = Math.max(t1 == null ? -Infinity : t1, t[4] != null ? t[4] : t[3]);
        }
      });
      D.windows.forEach(function (w) {
        var r = byId[D.tasks[w[0]][1]];
        r.windows.push(w);
        if (w[3] == null && (r.open == null || w[2] < r.open)) r.open = w[2];
      });
      tlRows.sort(function (a, b) {
        if ((a.open != null) !== (b.open != null)) return a.open != null ? -1 : 1;
        if (a.open != null) return a.open - b.open;
        return b.last - a.last;
      });
      if (t0 != null && t1 != null && t1 <= t0) t0 = t1 - 86400;
    })();
    var KIND = { IAMCreateRootUserPassword: "create", IAMDeleteRootUserCredentials: "delete",
      IAMAuditRootUserCredentials: "audit" };
    // x positions in percent of the row's width (the page's width varies); shapes keep their size.
    function tx(t) { return 1 + (t - t0) / (t1 - t0) * 98; }
    function pct(x) { return x.toFixed(3) + "%"; }
    function marker(kind, x) {
      var box = sv("svg", { x: pct(x), y: 0, overflow: "visible" }), shape;
      if (kind === "create") shape = sv("path", { d: "M0,5L7,19L-7,19Z" });
      else if (kind === "delete") shape = sv("rect", { x: -5, y: 7, width: 10, height: 10 });
      else if (kind === "audit") shape = sv("circle", { cx: 0, cy: 12, r: 5 });
      else shape = sv("path", { d: "M0,5L7,12L0,19L-7,12Z" });
      box.appendChild(shape);
      return { box: box, shape: shape };
    }
    function drawTimeline() {
      var host = document.getElementById("timeline-rows");
      if (!tlRows.length || t0 == null) { host.replaceChildren(el("p", { "class": "muted" }, "No privileged task in the log.")); return; }
      var out = [];
      var legend = el("p", { "class": "legend" });
      [["▲", "IAMCreateRootUserPassword", "create"], ["■", "IAMDeleteRootUserCredentials", "delete"],
        ["●", "IAMAuditRootUserCredentials", "audit"], ["◆", "other task", "other"],
        ["▭", "recovery window (grey: closed; red, dashed: open)", "window"]].forEach(function (l) {
        var item = el("span");
        item.appendChild(el("span", { "class": "lg-" + l[2], "aria-hidden": "true" }, l[0] + " "));
        item.appendChild(document.createTextNode(l[1]));
        legend.appendChild(item);
      });
      out.push(legend);
      var axis = el("div", { "class": "tl-axis", "aria-hidden": "true" });
      axis.appendChild(el("span"));
      var asvg = sv("svg");
      for (var k = 0; k <= 4; k++) {
        var x = pct(tx(t0 + (t1 - t0) * k / 4));
        asvg.appendChild(sv("line", { x1: x, x2: x, y1: 16, y2: 26 }));
      }
      axis.appendChild(asvg);
      var ticks = el("div", { "class": "tl-axis" });
      ticks.appendChild(el("span"));
      ticks.appendChild(el("span", { "class": "muted" }, iso(t0).slice(0, 10) + "  →  now " + iso(t1)));
      out.push(ticks);
      tlRows.slice(0, tlShown).forEach(function (r) {
        var row = el("div", { "class": "tl-row", "data-account": r.id });
        var label = el("div", { "class": "tl-label" });
        label.appendChild(el("div", null, r.account >= 0 ? accountLabel(r.account) : r.id + " (not in the set)"));
        var info = r.tasks.length + (r.tasks.length === 1 ? " task" : " tasks");
        var sub = el("div", { "class": "muted" }, info);
        r.windows.forEach(function (w) {
          if (w[3] == null) sub.appendChild(el("span", { "class": "open" }, " · open recovery, " + age(t1 - w[2])));
          else sub.appendChild(document.createTextNode(" · recovery closed after " + age(w[3] - w[2])));
        });
        label.appendChild(sub);
        row.appendChild(label);
        var svg = sv("svg", { role: "img", "aria-label": info + " on " + r.id });
        svg.appendChild(sv("line", { "class": "grid", x1: "0", x2: "100%", y1: 12, y2: 12 }));
        r.windows.forEach(function (w) {
          var open = w[3] == null, a = tx(w[2]), b = tx(open ? t1 : w[3]);
          var rect = sv("rect", { "class": open ? "win-open" : "win-closed", x: pct(a), y: 3,
            width: pct(Math.max(0.3, b - a)), height: 18 });
          rect.appendChild(sv("title", null, (open ? "open recovery since " : "recovery ") + iso(w[2]) +
            (open ? " (" + age(t1 - w[2]) + ")" : " – " + iso(w[3]))));
          svg.appendChild(rect);
        });
        r.tasks.forEach(function (i) {
          var t = D.tasks[i];
          if (t[3] == null) return;
          var kind = KIND[t[2]] || "other", m = marker(kind, tx(t[3]));
          m.shape.setAttribute("class", "task " + kind);
          m.shape.appendChild(sv("title", null, (t[2] || "unknown task") + " " + iso(t[3]) + (t[7] ? " by " + t[7] : "")));
          svg.appendChild(m.box);
        });
        svg.appendChild(sv("line", { "class": "now-line", x1: "99%", x2: "99%", y1: 0, y2: 26 }));
        row.appendChild(svg);
        out.push(row);
      });
      if (tlRows.length > tlShown) {
        var b = el("button", { type: "button" }, "Show more accounts (" + (tlRows.length - tlShown) + " not shown)");
        b.addEventListener("click", function () { tlShown += TL_PAGE; drawTimeline(); });
        out.push(b);
      }
      host.replaceChildren.apply(host, out);
    }

    // ---- Findings: filters, search, pages, links.
    var filter = { sev: [true, true, true], rule: "", ou: -2, status: "all", text: "", account: -1 };
    var matches = [], shown = 0, anchors = {};
    D.findings.forEach(function (f, i) { anchors[f[9]] = i; });
    var ancestors = U.map(function (u, i) { var s = {}; for (var p = i; p >= 0; p = U[p].parent) s[p] = true; return s; });
    var haystack = D.findings.map(function (f) {
      var r = D.rules[f[0]];
      return (f[2] + " " + (f[3] >= 0 ? D.paths[f[3]] : "") + " " + r[0] + " " + r[1] + " " +
        (f[6] >= 0 ? accountLabel(f[6]) : "")).toLowerCase();
    });
    function passes(i) {
      var f = D.findings[i];
      if (!filter.sev[f[1]]) return false;
      if (filter.rule !== "" && String(f[0]) !== filter.rule) return false;
      if (filter.status !== "all" && String(f[8]) !== filter.status) return false;
      if (filter.ou === -1 && f[7] !== -1) return false;
      if (filter.ou >= 0 && (f[7] < 0 || !ancestors[f[7]][filter.ou])) return false;
      if (filter.account >= 0 && f[6] !== filter.account) return false;
      if (filter.text && haystack[i].indexOf(filter.text) < 0) return false;
      return true;
    }
    function findingNode(i) {
      var f = D.findings[i], r = D.rules[f[0]];
      var art = el("article", { "class": "finding " + sevClass(f[1]) + (f[8] ? " inactive" : ""), id: f[9], tabindex: "-1",
        "data-rule": r[0] });
      var h = el("h3");
      h.appendChild(el("span", { "class": "sevtag " + sevClass(f[1]) }, SYM[f[1]] + " " + SEV[f[1]]));
      h.appendChild(el("code", null, r[0]));
      h.appendChild(el("span", { "class": "muted" }, r[1]));
      if (f[8] === 1) h.appendChild(el("span", { "class": "badge" }, "suppressed"));
      if (f[8] === 2) h.appendChild(el("span", { "class": "badge" }, "in the baseline"));
      h.appendChild(el("a", { "class": "permalink", href: "#" + f[9], "aria-label": "Link to this finding" }, "link #"));
      art.appendChild(h);
      art.appendChild(el("p", { "class": "msg" }, f[2]));
      var where = f[3] >= 0 ? D.paths[f[3]] + (f[4] ? ":" + f[4] + ":" + f[5] : "") : "the organization set as a whole";
      var loc = el("p", { "class": "loc" });
      loc.appendChild(el("span", { "class": "mono" }, where));
      if (f[6] >= 0) loc.appendChild(document.createTextNode(" · account " + accountLabel(f[6])));
      if (f[7] >= 0) loc.appendChild(document.createTextNode(" · OU " + U[f[7]].path));
      art.appendChild(loc);
      if (f[11].length) {
        var pre = el("pre", { "class": "src" });
        f[11].forEach(function (line, k) {
          if (k) pre.appendChild(document.createTextNode("\n"));
          pre.appendChild(el("span", { "class": "ln", "aria-hidden": "true" }, String(f[10] + k)));
          pre.appendChild(document.createTextNode(line));
        });
        art.appendChild(pre);
      }
      if (f[12]) art.appendChild(el("p", { "class": "loc" }, f[12]));
      if (f[13].length) {
        var rel = el("ul", { "class": "loc" });
        f[13].forEach(function (x) { rel.appendChild(el("li", null, x)); });
        art.appendChild(rel);
      }
      if (r[4] || r[5] || r[6]) {
        var d = el("details");
        d.appendChild(el("summary", null, "About " + r[0] + (r[2] ? ": " + r[2] : "")));
        if (r[4]) { d.appendChild(el("h4", null, "Why it matters")); d.appendChild(markdown(r[4])); }
        if (r[5]) { d.appendChild(el("h4", null, "How to fix it")); d.appendChild(markdown(r[5])); }
        if (r[6]) d.appendChild(el("a", { href: r[6] }, "Rule documentation"));
        art.appendChild(d);
      }
      var li = el("li");
      li.appendChild(art);
      return li;
    }
    // A rule's Markdown as text blocks: paragraphs (hard-wrapped lines joined), list items and fenced code; inline
    // marks stay as written.
    function markdown(text) {
      var box = el("div", { "class": "md" }), para = [], code = null;
      function flush() { if (para.length) { box.appendChild(el("p", null, para.join(" "))); para = []; } }
      text.split("\n").forEach(function (line) {
        if (/^\s*```/.test(line)) {
          if (code === null) { flush(); code = []; }
          else { box.appendChild(el("pre", { "class": "src" }, code.join("\n"))); code = null; }
        } else if (code !== null) code.push(line);
        else if (!line.trim()) flush();
        else {
          if (/^\s*([-*+]|\d+[.)])\s/.test(line)) flush();
          para.push(line.trim());
        }
      });
      if (code !== null) box.appendChild(el("pre", { "class": "src" }, code.join("\n")));
      flush();
      return box;
    }
    function showMore(until) {
      var list = document.getElementById("finding-list");
      var end = Math.min(matches.length, Math.max(shown + PAGE, until || 0));
      var frag = document.createDocumentFragment();
      for (; shown < end; shown++) frag.appendChild(findingNode(matches[shown]));
      list.appendChild(frag);
      var more = document.getElementById("more-findings");
      more.hidden = shown >= matches.length;
      more.textContent = "Show more findings (" + (matches.length - shown) + " not shown)";
    }
    function applyFilters() {
      matches = [];
      for (var i = 0; i < D.findings.length; i++) if (passes(i)) matches.push(i);
      shown = 0;
      document.getElementById("finding-list").replaceChildren();
      var count = document.getElementById("finding-count");
      count.textContent = matches.length + " of " + D.findings.length + " findings shown" +
        (filter.account >= 0 ? " (account " + accountLabel(filter.account) + ")" : "");
      if (filter.account >= 0) {
        var clear = el("button", { type: "button" }, "Show all accounts");
        clear.addEventListener("click", function () { filter.account = -1; applyFilters(); });
        count.appendChild(document.createTextNode(" "));
        count.appendChild(clear);
      }
      showMore();
    }
    function resetFilters() {
      filter = { sev: [true, true, true], rule: "", ou: -2, status: "all", text: "", account: -1 };
      document.querySelectorAll("#filters input[name=sev]").forEach(function (c) { c.checked = true; });
      document.getElementById("f-rule").value = "";
      document.getElementById("f-ou").value = "";
      document.getElementById("f-status").value = "all";
      document.getElementById("f-search").value = "";
    }
    function setUpFilters() {
      var used = {};
      D.findings.forEach(function (f) { used[f[0]] = true; });
      var rs = document.getElementById("f-rule");
      D.rules.forEach(function (r, i) { if (used[i]) rs.appendChild(el("option", { value: String(i) }, r[0] + " " + r[1])); });
      var os = document.getElementById("f-ou");
      os.appendChild(el("option", { value: "-1" }, "(not in an OU)"));
      U.forEach(function (u, i) { os.appendChild(el("option", { value: String(i) }, u.path)); });
      document.querySelectorAll("#filters input[name=sev]").forEach(function (c) {
        c.addEventListener("change", function () { filter.sev[+c.value] = c.checked; applyFilters(); });
      });
      rs.addEventListener("change", function () { filter.rule = rs.value; applyFilters(); });
      os.addEventListener("change", function () { filter.ou = os.value === "" ? -2 : +os.value; applyFilters(); });
      var st = document.getElementById("f-status");
      st.addEventListener("change", function () { filter.status = st.value; applyFilters(); });
      var timer = null, search = document.getElementById("f-search");
      search.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { filter.text = search.value.trim().toLowerCase(); applyFilters(); }, 150);
      });
      document.getElementById("more-findings").addEventListener("click", function () { showMore(); });
      if ("IntersectionObserver" in window) {
        new IntersectionObserver(function (entries) {
          if (entries.some(function (e) { return e.isIntersecting; }) && shown < matches.length) showMore();
        }, { rootMargin: "600px" }).observe(document.getElementById("more-findings"));
      }
    }

    function followHash() {
      var h = location.hash.slice(1);
      try { h = decodeURIComponent(h); } catch (e) { return; }  // a mangled link (`#%E0`) selects nothing
      if (h.indexOf("f-") === 0 && anchors[h] != null) {
        var i = anchors[h];
        if (!passes(i)) { resetFilters(); applyFilters(); }
        var pos = matches.indexOf(i);
        if (pos >= shown) showMore(pos + 1);
        document.querySelectorAll(".finding.targeted").forEach(function (n) { n.classList.remove("targeted"); });
        var node = document.getElementById(h);
        if (node) {
          node.classList.add("targeted");
          var det = node.querySelector("details");
          if (det) det.open = true;
          node.scrollIntoView({ block: "start" });
          node.focus({ preventScroll: true });
        }
      } else if (h.indexOf("account-") === 0) {
        var id = h.slice(8);
        for (var k = 0; k < D.accounts.length; k++) if (D.accounts[k][0] === id) { selectAccount(k, true); break; }
      }
    }

    window.addEventListener("beforeprint", function () {
      showMore(matches.length);
      tlShown = tlRows.length; drawTimeline();
      // Paper cannot unfold: each rule's text is printed once, at its first finding.
      var seen = {};
      document.querySelectorAll(".finding").forEach(function (a) {
        var d = a.querySelector("details"), rule = a.getAttribute("data-rule");
        if (d && !seen[rule]) { d.open = true; seen[rule] = true; }
      });
    });
    window.addEventListener("hashchange", followHash);
    drawTree();
    drawTimeline();
    setUpFilters();
    applyFilters();
    followHash();
    document.body.setAttribute("data-ready", "true");
    // How long the page took to be usable (navigation start to here), for Docs/benchmarks.md.
    document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
    })();

    """#
}

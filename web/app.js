/*
 * app.js - dyad's dashboard: a dyad's series (/api/series) as two uPlot
 * charts, the events of a clicked period (/api/events), and live coding of
 * a pasted article (/api/code). Plain JS, no build step; the state lives in
 * the URL hash (source, target, both, by, from, to; limit= sets the events
 * per page) so a view can be linked.
 * With "selftest=1" in the hash the page clicks a period itself (period=,
 * else the busiest), drags a zoom and resets it, codes the hash's article=
 * (with article_date=) if any, and writes what it plotted, listed and
 * highlighted into <pre id="selftest"> (tests/cli/dashboard.sh).
 */
"use strict";

(function () {

const QUADS = [
	{key: "q1", label: "1 verbal cooperation", color: "#7fc97f"},
	{key: "q2", label: "2 material cooperation", color: "#1b7837"},
	{key: "q3", label: "3 verbal conflict", color: "#fd8d3c"},
	{key: "q4", label: "4 material conflict", color: "#c51b1b"},
];
const PAGE = 25;          /* events per page unless the hash says limit= */
const HAS_UPLOT = typeof window.uPlot === "function";

const $ = (id) => document.getElementById(id);

/* Current view: the parsed hash, the series rows, the charts, the period
 * whose events are listed. */
const view = {
	params: null,
	rows: [],
	plots: [],
	selected: -1,
	events: null,     /* {params, list, total, period} of the listed period */
	pending: null,    /* the promise of the events being loaded */
	coding: null,     /* the promise of the article being coded */
	coded: null,      /* the events of the last coded article */
};

/* ---------- small helpers ---------- */

function el(tag, attrs, ...kids) {
	const e = document.createElement(tag);
	for (const [k, v] of Object.entries(attrs || {})) {
		if (v === null || v === undefined || v === false)
			continue;
		if (k === "class")
			e.className = v;
		else if (k === "text")
			e.textContent = v;
		else
			e.setAttribute(k, v === true ? "" : v);
	}
	for (const k of kids) {
		if (k !== null && k !== undefined)
			e.append(k);
	}
	return e;
}

/* An API error: the server's {"error", "parameter"} or the network's. */
class ApiError extends Error {
	constructor(message, parameter) {
		super(message);
		this.parameter = parameter || null;
	}
}

/* GET (or POST with a text body) a JSON answer; throws ApiError. */
async function api(path, body) {
	let res;
	try {
		res = await fetch(path, body === undefined ? {} : {
			method: "POST",
			headers: {"Content-Type": "text/plain; charset=utf-8"},
			body: body,
		});
	} catch (e) {
		throw new ApiError("cannot reach the dyad server (" + e.message + ")");
	}
	let data = null;
	try {
		data = await res.json();
	} catch (e) {
		if (res.ok)
			throw new ApiError(path.split("?")[0] + ": the answer is not JSON");
	}
	if (!res.ok) {
		const msg = data && data.error ? data.error : res.statusText;
		throw new ApiError("HTTP " + res.status + ": " + msg,
			data && data.parameter);
	}
	return data;
}

function query(obj) {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(obj)) {
		if (v !== "" && v !== null && v !== undefined && v !== false)
			q.set(k, v === true ? "1" : String(v));
	}
	return q.toString();
}

function showError(box, err) {
	box.textContent = err ? err.message : "";
	box.hidden = !err;
	for (const id of ["source", "target", "by", "from", "to"])
		$(id).removeAttribute("aria-invalid");
	if (err && err.parameter && $(err.parameter))
		$(err.parameter).setAttribute("aria-invalid", "true");
}

/* Seconds since the epoch of a YYYY-MM-DD date at 00:00 UTC. */
function epoch(day) {
	return Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 1000;
}

function fmt(x, digits) {
	if (x === null || x === undefined || Number.isNaN(x))
		return "–";
	return x.toFixed(digits);
}

/* ---------- the URL hash ---------- */

function readHash() {
	const h = new URLSearchParams(location.hash.replace(/^#/, ""));
	return {
		source: (h.get("source") || "").trim(),
		target: (h.get("target") || "").trim(),
		both: h.get("both") === "1",
		by: ["day", "week", "month", "year"].includes(h.get("by")) ? h.get("by") : "month",
		from: h.get("from") || "",
		to: h.get("to") || "",
		limit: Math.max(1, Math.min(1000, parseInt(h.get("limit"), 10) || PAGE)),
		selftest: h.get("selftest") === "1",
		period: h.get("period") || "",
		article: h.get("article") || "",
		article_date: h.get("article_date") || "",
	};
}

function fillForm(p) {
	$("source").value = p.source;
	$("target").value = p.target;
	$("both").checked = p.both;
	$("by").value = p.by;
	$("from").value = p.from;
	$("to").value = p.to;
}

function formHash() {
	const keep = readHash();
	return query({
		source: $("source").value.trim().toUpperCase(),
		target: $("target").value.trim().toUpperCase(),
		both: $("both").checked,
		by: $("by").value,
		from: $("from").value,
		to: $("to").value,
		limit: keep.limit !== PAGE ? keep.limit : "",
		selftest: keep.selftest,
		period: keep.period,
	});
}

/* ---------- actor suggestions ---------- */

let suggestTimer = 0;
let suggestSeq = 0;

function suggest(text) {
	clearTimeout(suggestTimer);
	suggestTimer = setTimeout(async () => {
		const seq = ++suggestSeq;
		try {
			const data = await api("/api/actors?" + query({q: text, limit: 30}));
			if (seq !== suggestSeq)
				return;
			const list = $("actor-list");
			list.replaceChildren(...data.actors.map((a) =>
				el("option", {value: a.code,
					label: (a.name && a.name !== a.code ? a.name + " · " : "") +
						a.events + " events"})));
		} catch (e) {
			/* suggestions are a convenience: the form still works */
		}
	}, 150);
}

/* ---------- the series ---------- */

function dyadLabel(p) {
	const arrow = p.both ? " ⇄ " : " → ";
	return p.source + arrow + (p.target || "anyone");
}

async function loadView() {
	const p = readHash();
	view.params = p;
	fillForm(p);
	showError($("error"), null);
	if (!p.source) {
		$("charts").hidden = true;
		$("events").hidden = true;
		return;
	}
	document.title = "dyad — " + dyadLabel(p);
	let data;
	try {
		data = await api("/api/series?" + query({source: p.source, target: p.target,
			both: p.both ? "1" : "0", by: p.by, from: p.from, to: p.to}));
	} catch (e) {
		showError($("error"), e);
		$("charts").hidden = true;
		return;
	}
	view.rows = data.rows || [];
	view.selected = -1;
	$("charts").hidden = false;
	$("charts-title").textContent = dyadLabel(p) + ", per " + p.by + " — " +
		view.rows.reduce((n, r) => n + r.events, 0) + " events in " +
		view.rows.length + " periods";
	$("events").hidden = true;
	renderSeriesTable();
	renderCharts();
}

function renderSeriesTable() {
	const body = $("series-table").tBodies[0];
	body.replaceChildren(...view.rows.map((r, i) => el("tr", {},
		el("th", {scope: "row", text: r.period}),
		el("td", {class: "num", text: r.events}),
		el("td", {class: "num", text: r.mentions}),
		el("td", {class: "num", text: fmt(r.goldstein_mean, 2)}),
		el("td", {class: "num", text: r.q1}),
		el("td", {class: "num", text: r.q2}),
		el("td", {class: "num", text: r.q3}),
		el("td", {class: "num", text: r.q4}),
		el("td", {}, el("button", {type: "button", class: "link",
			"aria-label": "events of " + r.period, "data-idx": i, text: "events"})))));
	if (!HAS_UPLOT)
		$("series-details").open = true;
}

/* The arrays the charts plot: x (period start, seconds UTC), the Goldstein
 * means, and the stacked quad counts (series k is q_k + ... + q4, so the
 * bars drawn in order leave each class its own band, conflict at the bottom). */
function chartData(rows) {
	const x = rows.map((r) => epoch(r.start));
	const g = rows.map((r) => r.goldstein_mean);
	const stacks = QUADS.map((q, k) => rows.map((r) =>
		QUADS.slice(k).reduce((n, qq) => n + r[qq.key], 0)));
	return {x, g, stacks};
}

function destroyCharts() {
	for (const u of view.plots)
		u.destroy();
	view.plots = [];
}

function renderCharts() {
	destroyCharts();
	$("nocharts").hidden = HAS_UPLOT;
	for (const e of document.querySelectorAll(".chart, .hint"))
		e.hidden = !HAS_UPLOT;
	$("chart-goldstein").replaceChildren();
	$("chart-quads").replaceChildren();
	if (!HAS_UPLOT)
		return;
	if (view.rows.length === 0) {
		$("chart-goldstein").append(el("p", {class: "empty",
			text: "No events for this dyad in this period."}));
		return;
	}
	const d = chartData(view.rows);
	const width = Math.max(320, $("charts").clientWidth - 8);
	const rows = view.rows;
	const periodOf = (u, ts, si, idx) =>
		idx === null || idx === undefined || !rows[idx] ? "–" : rows[idx].period;
	const utc = (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC");
	const cursor = {
		sync: {key: "dyad", setSeries: false},
		drag: {x: true, y: false, dist: 6},
		y: false,
		points: {size: 9},
	};
	const xAxis = {label: "period (" + view.params.by + ")", labelSize: 22,
		stroke: "#333", grid: {stroke: "#e4e4e4"}, ticks: {stroke: "#ccc"}};
	const bars = uPlot.paths.bars({size: [0.7, 60], align: 0});
	const span = d.x.length > 1 ? Math.min(...d.x.slice(1).map((v, i) => v - d.x[i])) : 86400 * 30;
	/* Pad the full extent by most of a period so the end bars show whole;
	 * a zoomed range (and the other chart's copy of it) is kept as is. */
	const x0 = d.x[0], x1 = d.x[d.x.length - 1];
	const xRange = (u, min, max) => min === x0 && max === x1 ?
		[min - span * 0.6, max + span * 0.6] : [min, max];

	const gold = new uPlot({
		width: width, height: 230, tzDate: utc, cursor: cursor,
		scales: {x: {time: true, range: xRange}, y: {range: [-10, 10]}},
		legend: {live: true},
		series: [
			{label: "period", value: periodOf},
			{label: "Goldstein mean", stroke: "#1f4e79", width: 2,
			 points: {show: true, size: 7, fill: "#1f4e79"},
			 value: (u, v) => fmt(v, 2)},
		],
		axes: [xAxis, {label: "Goldstein mean", labelSize: 22, stroke: "#333",
			grid: {stroke: "#e4e4e4"}, ticks: {stroke: "#ccc"},
			splits: () => [-10, -5, 0, 5, 10]}],
		hooks: {drawClear: [drawZero], draw: [drawSelected]},
	}, [d.x, d.g], $("chart-goldstein"));

	const quads = new uPlot({
		width: width, height: 230, tzDate: utc,
		cursor: Object.assign({}, cursor, {points: {show: false}}),
		scales: {x: {time: true, range: xRange}, y: {range: (u, min, max) => [0, Math.max(1, max) * 1.1]}},
		legend: {live: true},
		series: [{label: "period", value: periodOf}].concat(QUADS.map((q, k) => ({
			label: q.label, stroke: q.color, fill: q.color, width: 0,
			paths: bars, points: {show: false},
			value: (u, v, si, idx) => idx === null || idx === undefined || !rows[idx] ? "–" : rows[idx][q.key],
		}))),
		axes: [xAxis, {label: "events", labelSize: 22, stroke: "#333",
			grid: {stroke: "#e4e4e4"}, ticks: {stroke: "#ccc"},
			incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 1e5, 1e6]}],
		hooks: {draw: [drawSelected]},
	}, [d.x].concat(d.stacks), $("chart-quads"));

	view.plots = [gold, quads];
	for (const u of view.plots) {
		syncZoom(u);
		clickable(u);
	}
}

/* A thin line at Goldstein 0. */
function drawZero(u) {
	const y = Math.round(u.valToPos(0, "y", true));
	const ctx = u.ctx;
	ctx.save();
	ctx.strokeStyle = "#999";
	ctx.lineWidth = 1;
	ctx.beginPath();
	ctx.moveTo(u.bbox.left, y + 0.5);
	ctx.lineTo(u.bbox.left + u.bbox.width, y + 0.5);
	ctx.stroke();
	ctx.restore();
}

/* A band behind the selected period. */
function drawSelected(u) {
	const i = view.selected;
	if (i < 0 || i >= u.data[0].length)
		return;
	const x = u.valToPos(u.data[0][i], "x", true);
	const w = Math.max(6, 14 * devicePixelRatio);
	const ctx = u.ctx;
	ctx.save();
	ctx.fillStyle = "rgba(31, 78, 121, 0.14)";
	ctx.fillRect(x - w / 2, u.bbox.top, w, u.bbox.height);
	ctx.restore();
}

/* Zooming one chart zooms the other (drag to zoom, double-click resets). */
function syncZoom(u) {
	u.hooks.setScale = u.hooks.setScale || [];
	u.hooks.setScale.push((self, key) => {
		if (key !== "x")
			return;
		const {min, max} = self.scales.x;
		for (const o of view.plots) {
			/* uPlot commits a scale change later: compare, or the two
			 * charts would echo each other's change forever */
			if (o !== self && (o.scales.x.min !== min || o.scales.x.max !== max))
				o.setScale("x", {min, max});
		}
	});
}

/* A click (not a drag) on the plot lists the events of the nearest period. */
function clickable(u) {
	let down = null;
	u.over.addEventListener("mousedown", (e) => { down = [e.clientX, e.clientY]; });
	u.over.addEventListener("click", (e) => {
		if (down && Math.hypot(e.clientX - down[0], e.clientY - down[1]) > 4)
			return;
		const left = e.clientX - u.over.getBoundingClientRect().left;
		const idx = nearest(u, left);
		if (idx >= 0)
			selectPeriod(idx);
	});
	u.over.style.cursor = "pointer";
}

/* The index of the period plotted nearest to LEFT (CSS pixels in the plot). */
function nearest(u, left) {
	let best = -1, dist = Infinity;
	u.data[0].forEach((v, i) => {
		const dd = Math.abs(u.valToPos(v, "x") - left);
		if (dd < dist) {
			dist = dd;
			best = i;
		}
	});
	return best;
}

/* ---------- the events of a period ---------- */

function selectPeriod(idx) {
	view.selected = idx;
	for (const u of view.plots)
		u.redraw(false);
	const r = view.rows[idx];
	const p = view.params;
	view.events = {
		params: {source: p.source, target: p.target, both: p.both ? "1" : "",
			from: r.start, to: r.end, limit: p.limit},
		list: [],
		total: 0,
		period: r.period,
	};
	$("events").hidden = false;
	$("events-title").textContent = "Events of " + r.period + " (" + r.start +
		(r.end !== r.start ? " to " + r.end : "") + "), " + dyadLabel(p);
	$("events-table").tBodies[0].replaceChildren();
	view.pending = loadEvents(0);
	return view.pending;
}

async function loadEvents(offset) {
	const ev = view.events;
	const more = $("more");
	more.disabled = true;
	$("events-count").textContent = "loading…";
	let data;
	try {
		data = await api("/api/events?" + query(Object.assign({}, ev.params, {offset: offset})));
	} catch (e) {
		$("events-count").textContent = "";
		showError($("error"), e);
		return;
	}
	if (ev !== view.events)
		return; /* another period was clicked meanwhile */
	showError($("error"), null);
	ev.total = data.total;
	ev.list = ev.list.concat(data.events);
	const body = $("events-table").tBodies[0];
	for (const e of data.events)
		body.append(eventRow(e));
	$("events-count").textContent = ev.list.length + " of " + ev.total + " events";
	more.hidden = ev.list.length >= ev.total || data.events.length === 0;
	more.disabled = false;
	more.textContent = "Show " + Math.min(ev.params.limit, ev.total - ev.list.length) + " more";
}

function quadClass(q) {
	return q >= 1 && q <= 4 ? "q q" + q : "q";
}

function eventRow(e) {
	const place = e.location ? e.location.name +
		(e.location.country && e.location.country !== e.location.name ? ", " + e.location.country : "") : "";
	return el("tr", {},
		el("td", {class: "date", text: e.date}),
		el("td", {class: "code", text: e.source || ""}),
		el("td", {class: "ev"},
			el("span", {class: quadClass(e.quad), title: "quad class " + e.quad + ", Goldstein " + e.goldstein},
				el("b", {text: e.code}), " " + (e.plover || "")),
			el("span", {class: "gs", text: " " + (e.goldstein > 0 ? "+" : "") + fmt(e.goldstein, 1)})),
		el("td", {class: "code", text: e.target || ""}),
		el("td", {text: place}),
		el("td", {class: "num", text: e.num_mentions}),
		el("td", {class: "sentence"}, highlighted(eventSentence(e), e),
			el("span", {class: "doc", text: " " + e.doc})));
}

/* ---------- highlighting by byte spans ---------- */

/* The sentence of an event and the byte offset its spans are counted from:
 * /api/events gives "sentence" (spans relative to it); dyad code's objects
 * give "evidence" {start, end, text} (spans relative to the document). */
function eventSentence(e) {
	if (typeof e.sentence === "string")
		return {text: e.sentence, base: 0};
	if (e.evidence && typeof e.evidence.text === "string")
		return {text: e.evidence.text, base: e.evidence.start || 0};
	return {text: "", base: 0};
}

/* JS string index of each UTF-8 byte offset 0..len of TEXT (-1 inside a
 * character). */
function byteIndex(text) {
	const map = [];
	let i = 0;
	for (const ch of text) {
		const cp = ch.codePointAt(0);
		const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		map.push(i);
		for (let k = 1; k < n; k++)
			map.push(-1);
		i += ch.length;
	}
	map.push(i);
	return map;
}

/* The [start, end) string range of span SPAN (bytes) in the sentence S, or
 * of the text WANT found in it; null when neither works. */
function rangeOf(s, map, span, want) {
	if (Array.isArray(span) && span.length === 2) {
		for (const base of s.base ? [s.base, 0] : [0]) {
			const a = span[0] - base, b = span[1] - base;
			if (a >= 0 && b > a && b < map.length && map[a] >= 0 && map[b] >= 0) {
				const r = [map[a], map[b]];
				if (!want || s.text.slice(r[0], r[1]) === want || base === 0)
					return r;
			}
		}
	}
	if (want) {
		const i = s.text.indexOf(want);
		if (i >= 0)
			return [i, i + want.length];
	}
	return null;
}

function highlighted(s, e) {
	const span = el("span", {class: "text"});
	if (!s.text) {
		span.textContent = "(no sentence)";
		return span;
	}
	const map = byteIndex(s.text);
	const marks = [
		{cls: "hl-src", r: rangeOf(s, map, e.source_span, e.source_text), what: "source " + (e.source || "")},
		{cls: "hl-verb", r: rangeOf(s, map, e.verb_span, e.verb_text), what: "verb " + (e.code || "")},
		{cls: "hl-tgt", r: rangeOf(s, map, e.target_span, e.target_text), what: "target " + (e.target || "")},
	].filter((m) => m.r).sort((a, b) => a.r[0] - b.r[0]);
	let at = 0;
	for (const m of marks) {
		if (m.r[0] < at)
			continue; /* overlapping: keep the first */
		span.append(s.text.slice(at, m.r[0]),
			el("mark", {class: m.cls, title: m.what, text: s.text.slice(m.r[0], m.r[1])}));
		at = m.r[1];
	}
	span.append(s.text.slice(at));
	return span;
}

/* ---------- coding a pasted article ---------- */

async function codeArticle(ev) {
	ev.preventDefault();
	const text = $("article").value;
	const out = $("code-out");
	showError($("code-error"), null);
	if (!text.trim()) {
		showError($("code-error"), new ApiError("Paste an article first."));
		return;
	}
	$("code-status").textContent = "coding…";
	let data;
	try {
		data = await api("/api/code?" + query({date: $("article-date").value}), text);
	} catch (e) {
		$("code-status").textContent = "";
		showError($("code-error"), e);
		return;
	}
	const events = data.events || [];
	view.coded = events;
	$("code-status").textContent = events.length + (events.length === 1 ? " event" : " events");
	out.replaceChildren();
	if (!events.length) {
		out.append(el("p", {class: "empty", text: "No events found in this text."}));
		return;
	}
	/* One block per sentence, in order, with its events under it. */
	const bySentence = new Map();
	for (const e of events) {
		const key = e.sid || eventSentence(e).text;
		if (!bySentence.has(key))
			bySentence.set(key, []);
		bySentence.get(key).push(e);
	}
	for (const list of bySentence.values()) {
		const first = list[0];
		const block = el("div", {class: "coded"},
			el("p", {class: "sentence"}, highlighted(eventSentence(first), first)));
		const ul = el("ul", {class: "coded-events"});
		for (const e of list) {
			const place = e.location ? " in " + e.location.name : "";
			ul.append(el("li", {},
				el("span", {class: "code", text: e.source || "?"}), " ",
				el("span", {class: quadClass(e.quad)}, el("b", {text: e.code}), " " + (e.plover || "")),
				" ", el("span", {class: "code", text: e.target || "?"}),
				el("span", {class: "muted", text: " · Goldstein " + fmt(e.goldstein, 1) +
					" · " + (e.date || "no date") + place}),
				/* the sentence again for its second and later events */
				e !== first ? el("div", {class: "sentence"}, highlighted(eventSentence(e), e)) : null));
		}
		block.append(ul);
		out.append(block);
	}
}

/* ---------- the store's figures ---------- */

async function health() {
	try {
		const h = await api("/api/health");
		$("store").textContent = "store: " + h.events + " events, " + h.mentions +
			" mentions, " + h.documents + " documents · dyad " + h.version;
	} catch (e) {
		$("store").textContent = "";
		showError($("error"), e);
	}
}

/* ---------- self-test (hash selftest=1) ---------- */

function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

/* Dispatches a mouse event at (X, Y) with the movement since the last one
 * (uPlot ignores a drag's moves that have none); BUTTONS pressed. */
const mouse = {x: 0, y: 0};
function fire(target, type, x, y, buttons) {
	target.dispatchEvent(new MouseEvent(type, {bubbles: true, cancelable: true,
		view: window, clientX: x, clientY: y, button: 0, buttons: buttons || 0,
		movementX: x - mouse.x, movementY: y - mouse.y}));
	mouse.x = x;
	mouse.y = y;
}

/* Clicks a period as a person would (the hash's period=, else the one with
 * the most events, the first of equals) and reports the plotted arrays and
 * the events listed, every page ("Show more" clicked until all are); with
 * article= in the hash, also codes that text in the panel and reports the
 * events and the highlighted words. */
async function selftest() {
	const out = $("selftest");
	const report = {ok: false};
	try {
		for (let i = 0; i < 200 && view.plots.length === 0; i++) {
			if (!HAS_UPLOT)
				throw new Error("charts unavailable: built without uPlot");
			if (!$("error").hidden)
				throw new Error($("error").textContent);
			await sleep(50);
		}
		if (view.plots.length === 0)
			throw new Error("no chart after 10 s");
		const [gold, quads] = view.plots;
		let idx = 0;
		view.rows.forEach((r, i) => { if (r.events > view.rows[idx].events) idx = i; });
		if (view.params.period) {
			idx = view.rows.findIndex((r) => r.period === view.params.period);
			if (idx < 0)
				throw new Error("no period " + view.params.period + " in the series");
		}
		const rect = gold.over.getBoundingClientRect();
		const x = rect.left + gold.valToPos(gold.data[0][idx], "x");
		const y = rect.top + rect.height / 2;
		fire(gold.over, "mousemove", x, y);
		fire(gold.over, "mousedown", x, y, 1);
		fire(gold.over, "mouseup", x, y);
		fire(gold.over, "click", x, y);
		report.clicked = {index: idx, period: view.rows[idx].period,
			cursor_idx: gold.cursor.idx};
		if (!view.pending)
			throw new Error("the click listed no events");
		await view.pending;
		for (let pages = 0; !$("more").hidden && pages < 100; pages++) {
			$("more").click();
			await view.pending;
		}
		/* Drag across two periods on the first chart, then double-click:
		 * both charts must zoom together and come back. */
		if (gold.data[0].length >= 4) {
			const scale = (u) => [u.scales.x.min, u.scales.x.max];
			const before = [scale(gold), scale(quads)];
			const xa = rect.left + gold.valToPos(gold.data[0][1], "x");
			const xb = rect.left + gold.valToPos(gold.data[0][3], "x");
			fire(gold.over, "mousemove", xa, y);
			fire(gold.over, "mousedown", xa, y, 1);
			fire(gold.over, "mousemove", (xa + xb) / 2, y, 1);
			fire(gold.over, "mousemove", xb, y, 1);
			fire(document, "mouseup", xb, y);
			await sleep(100);
			const zoomed = [scale(gold), scale(quads)];
			fire(gold.over, "dblclick", xb, y);
			await sleep(100);
			fire(gold.over, "mousemove", x, y); /* back on the clicked period */
			report.zoom = {before, zoomed, reset: [scale(gold), scale(quads)],
				dragged: [gold.posToVal(xa - rect.left, "x"), gold.posToVal(xb - rect.left, "x")]};
		}
		if (view.params.article) {
			/* Type the hash's article into the panel and press Code. */
			$("article").value = view.params.article;
			$("article-date").value = view.params.article_date;
			view.coding = null;
			$("code-form").querySelector("button[type=submit]").click();
			if (!view.coding)
				throw new Error("pressing Code coded nothing");
			await view.coding;
			if (!$("code-error").hidden)
				throw new Error($("code-error").textContent);
			report.coded = {
				events: (view.coded || []).map((e) => ({sid: e.sid, code: e.code,
					source: e.source, target: e.target})),
				/* each highlighted sentence, marks written {class:text} */
				sentences: Array.from($("code-out").querySelectorAll(".text")).map((t) =>
					Array.from(t.childNodes).map((n) => n.nodeType === 1 ?
						"{" + n.className.replace("hl-", "") + ":" + n.textContent + "}" :
						n.textContent).join("")),
			};
		}
		report.ok = true;
		report.chart = {
			x: Array.from(gold.data[0]),
			goldstein_mean: Array.from(gold.data[1]),
			quad_stacks: quads.data.slice(1).map((a) => Array.from(a)),
			quad_labels: quads.series.slice(1).map((s) => s.label),
		};
		report.listed = {
			period: view.events.period,
			total: view.events.total,
			rows: $("events-table").tBodies[0].rows.length,
			events: view.events.list.map((e) => ({doc: e.doc, sid: e.sid,
				code: e.code, source: e.source, target: e.target})),
		};
	} catch (e) {
		report.error = String(e && e.message || e);
	}
	out.textContent = JSON.stringify(report);
	out.setAttribute("data-done", "1");
}

/* ---------- wiring ---------- */

function start() {
	$("query").addEventListener("submit", (e) => {
		e.preventDefault();
		const h = "#" + formHash();
		if (h === location.hash)
			loadView();
		else
			location.hash = h;
	});
	for (const id of ["source", "target"])
		$(id).addEventListener("input", (e) => suggest(e.target.value.trim()));
	$("series-table").addEventListener("click", (e) => {
		const b = e.target.closest("button[data-idx]");
		if (b)
			selectPeriod(+b.dataset.idx);
	});
	$("more").addEventListener("click", () => {
		view.pending = loadEvents(view.events.list.length);
	});
	$("code-form").addEventListener("submit", (e) => {
		view.coding = codeArticle(e);
	});
	window.addEventListener("hashchange", loadView);
	let resizeTimer = 0;
	window.addEventListener("resize", () => {
		clearTimeout(resizeTimer);
		resizeTimer = setTimeout(() => {
			const w = Math.max(320, $("charts").clientWidth - 8);
			for (const u of view.plots)
				u.setSize({width: w, height: u.height});
		}, 100);
	});
	health();
	suggest("");
	loadView().then(() => {
		if (readHash().selftest)
			selftest();
	});
}

start();

})();

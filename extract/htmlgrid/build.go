package htmlgrid

import (
	"slices"
	"sort"
	"strings"

	"finexport/extract/grid"
	"finexport/extract/textgrid"
)

// aboveTexts is how many paragraphs before a table are kept as its
// surroundings: the title and the scale note stand there.
const aboveTexts = 8

// Read finds the tables of an HTML document and returns them as grids,
// with the visible paragraphs of text around them (each with the line it
// starts on), in document order. A <pre> block is plain text and goes to
// the text reader. warn reports layout problems at a line.
func Read(doc []Line, warn func(line int, msg string)) ([]grid.Table, []Line) {
	w := newWalker(doc)
	w.walk()
	var items []item
	for _, t := range w.done {
		if g, ok := buildTable(t, warn); ok {
			items = append(items, item{table: &g, at: t.at})
		} else {
			w.tableProse(t) // rows of years only: words after all
		}
	}
	for _, p := range w.prose {
		items = append(items, item{text: p.Line, at: p.at, center: p.center})
	}
	for _, b := range w.pres {
		// The text reader's tables and prose keep their lines; within
		// the block they stand in line order.
		g, prose := textgrid.Read(b.lines, warn)
		for i := range g {
			items = append(items, item{table: &g[i], at: b.at + g[i].Start - b.lines[0].N})
		}
		for _, l := range prose {
			items = append(items, item{text: l, at: b.at + l.N - b.lines[0].N})
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].at < items[j].at })
	var tables []grid.Table
	var prose []Line
	var since []item // the paragraphs since the last table
	for _, it := range items {
		if it.table == nil {
			prose = append(prose, it.text)
			since = append(since, it)
			continue
		}
		t := *it.table
		if len(t.Above) == 0 {
			for k := len(since) - 1; k >= 0 && len(t.Above) < aboveTexts; k-- {
				t.Above = append(t.Above, aboveText(since[k]))
			}
		}
		tables = append(tables, t)
		since = nil
	}
	return tables, prose
}

// aboveText is a paragraph as the text above a table: a centred one
// stands indented, as a title does in plain text.
func aboveText(it item) grid.Text {
	indent := 0
	if it.center {
		indent = centredIndent
	}
	return grid.Text{Pos: grid.Pos{Line: it.text.N}, Text: it.text.Text, Indent: indent}
}

// centredIndent is the indent a centred paragraph gets, in the unit of a
// plain-text title's leading spaces.
const centredIndent = 20

// item is a table or a paragraph at its offset in the file.
type item struct {
	table  *grid.Table
	text   Line
	at     int
	center bool
}

// placed is a cell at its place in the grid of the table.
type placed struct {
	c           *cell
	text        string
	first, last int // grid columns it covers
}

// token is a figure or a piece of text of one row, after split figures
// are joined: "$" "(2,417" ")" is one figure "$(2,417)".
type token struct {
	text        string
	num         grid.Number
	figure      bool
	ref         bool  // a footnote reference in a notes column: a mark, not a figure
	first, last int   // grid columns of the figure's own cell
	c           *cell // that cell: its place, borders and indent
}

// place lays the cells into grid columns, honouring colspan and rowspan.
// A column taken by a rowspan from above is known by the row its span
// ends before, so a cell costs its colspan, not colspan x rowspan.
func place(t *table) [][]placed {
	out := make([][]placed, len(t.rows))
	n := 0
	for _, r := range t.rows {
		n += len(r.cells)
	}
	all := make([]placed, 0, n) // one allocation for the rows' cells, not one or more a row
	var until []int             // grid column -> the first row below the spans taking it
	for ri, r := range t.rows {
		col := 0
		from := len(all)
		for _, c := range r.cells {
			for col < len(until) && until[col] > ri {
				col++
			}
			if col >= maxWidth {
				break // no statement is this wide: a hostile file's row
			}
			first, last := col, min(col+c.colspan, maxWidth)-1
			for len(until) <= last {
				until = append(until, 0)
			}
			for k := first; k <= last; k++ {
				until[k] = max(until[k], ri+c.rowspan)
			}
			all = append(all, placed{c: c, text: c.plain(), first: first, last: last})
			col = last + 1
		}
		if len(all) > from {
			out[ri] = all[from:len(all):len(all)]
		}
	}
	return out
}

// maxWidth caps a table's grid columns: a statement's rarely pass fifty.
const maxWidth = 1000

// tokens joins a row's cells into figures and text.
func tokens(cells []placed) []token { return appendTokens(nil, cells) }

// appendTokens joins a row's cells into figures and text appended to
// into, which holds none of another row's: the rows of a table share one
// allocation.
func appendTokens(into []token, cells []placed) []token {
	out := into
	currency := ""
	for _, p := range cells {
		s := p.text
		if s == "" {
			continue
		}
		if sign, ok := prefix(s); ok {
			currency += sign // "(" then "$": one figure's "($"
			continue
		}
		if n := len(out); n > 0 && out[n-1].figure && isCloser(s) {
			last := &out[n-1]
			if num, ok := grid.ParseNumber(last.text + s); ok {
				last.text += s
				last.num = num
				continue
			}
		}
		tok := token{text: s, first: p.first, last: p.last, c: p.c}
		if currency != "" {
			if num, ok := figure(currency + s); ok {
				tok.text, tok.num, tok.figure = currency+s, num, true
			}
		}
		if num, ok := p.c.figure(); ok && !tok.figure {
			tok.num, tok.figure = num, true
		}
		currency = ""
		out = append(out, tok)
	}
	if len(out) > 1 && out[0].figure && !out[1].figure && listMark(out[0].text, out[1].text) {
		out[0].figure = false // "(1)" before a footnote's words
	}
	for i := range out {
		// A negative whose closing parenthesis never came is still one.
		if t := &out[i]; t.figure && openNegative(t.text) {
			if num, ok := grid.ParseNumber(t.text + ")"); ok {
				t.text += ")"
				t.num = num
			}
		}
	}
	return out
}

// figure parses a figure cell; an opening parenthesis without its close
// ("(2,417", the ")" in the next cell) is a figure too.
func figure(s string) (grid.Number, bool) {
	if n, ok := grid.ParseNumber(s); ok {
		return n, true
	}
	if openNegative(s) {
		return grid.ParseNumber(s + ")")
	}
	return grid.Number{}, false
}

func openNegative(s string) bool {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "$"))
	return strings.HasPrefix(s, "(") && !strings.Contains(s, ")") && len(s) > 1 && (s[1] >= '0' && s[1] <= '9' || s[1] == '.' || s[1] == '$')
}

// prefix: a cell holding only what opens the figure on its right: a
// currency sign, an opening parenthesis, or both ("$ (", "( $"), with the
// spaces between them taken out.
func prefix(s string) (string, bool) {
	if s == "" || !prefixStart(s[0]) {
		return "", false // most cells: no copy to find out
	}
	t := strings.ReplaceAll(s, " ", "")
	paren := strings.Count(t, "(")
	sign := strings.ReplaceAll(t, "(", "")
	if paren > 1 || sign == "" && paren == 0 || sign != "" && !isCurrency(sign) {
		return "", false
	}
	return t, true
}

// currencySigns are the signs a cell may hold alone before a figure.
var currencySigns = []string{"$", "US$", "U.S.$", "C$", "CAD$", "€", "£", "¥"}

// prefixStart: a byte a prefix cell can start with: a space, an opening
// parenthesis, or a currency sign's first byte.
func prefixStart(c byte) bool {
	if c == ' ' || c == '(' {
		return true
	}
	for _, s := range currencySigns {
		if s[0] == c {
			return true
		}
	}
	return false
}

// isCurrency: a currency sign.
func isCurrency(s string) bool { return slices.Contains(currencySigns, s) }

// isCloser: a cell holding only what ends the figure on its left: ")",
// "%", ")%", "%)", or ")" with a footnote mark.
func isCloser(s string) bool {
	if s == "%" || s == ")" || s == ")%" || s == "%)" {
		return true
	}
	return strings.HasPrefix(s, ")") && len(s) <= 6 && !strings.ContainsAny(s[1:], "0123456789.,")
}

// isYear: a four-digit year printed bare, as a column heading, perhaps
// with a footnote mark: "2024(1)".
func isYear(t token) bool {
	s := strings.TrimSpace(strings.TrimSuffix(t.text, t.num.Footnote))
	s = strings.TrimRight(s, "*")
	return grid.IsYear(s) // four digits: no sign, percent or bracket left to test
}

// buildTable turns a table as read into a grid. ok is false for a table
// with no figures at all.
func buildTable(t *table, warn func(int, string)) (grid.Table, bool) {
	cells := place(t)
	rows := make([][]token, len(cells))
	n := 0
	for i := range cells {
		n += len(cells[i])
	}
	buf := make([]token, 0, n) // a cell makes one token at most
	for i := range cells {
		toks := appendTokens(buf[len(buf):len(buf)], cells[i])
		if len(toks) > 0 {
			rows[i] = toks[:len(toks):len(toks)]
			buf = buf[:min(len(buf)+len(toks), cap(buf))]
		}
	}
	markReferences(cells, rows)
	first := firstBody(rows)
	if first < 0 {
		return grid.Table{}, false
	}
	label := labelColumn(rows[first:])
	for _, toks := range rows[first:] {
		yearLabel(toks, label)
	}
	cols := columnsOf(rows[first:])
	cols.label = label
	g := grid.Table{Start: t.start, End: t.end, Columns: cols.n}
	for i := 0; i < first; i++ {
		if r, ok := headRow(t.rows[i], cells[i], rows[i], cols); ok {
			g.Head = append(g.Head, r)
		}
	}
	sc := scratch{taken: make([]bool, cols.n)}
	for i := first; i < len(rows); i++ {
		g.Body = appendBody(g.Body, t.rows[i], cells[i], rows[i], cols, &sc, warn)
	}
	return g, true
}

// firstBody is the index of the first row of figures that are not all
// years, or -1.
func firstBody(rows [][]token) int {
	for i, toks := range rows {
		if hasFigure(toks) && !allYears(toks) {
			return i
		}
	}
	return -1
}

// yearLabel makes a year that opens a row at or left of the label column
// the row's label: a maturity table's "2025 | $ | 100".
func yearLabel(toks []token, label int) {
	if len(toks) > 1 && toks[0].figure && isYear(toks[0]) && toks[0].first <= label && hasFigure(toks[1:]) {
		toks[0].figure = false
	}
}

// markReferences finds a column of footnote references ("1", "1,2")
// beside the figures: one headed "Notes", or one whose cells are all such
// lists and some list names two notes. Its cells are marks, not figures.
// So are footnote marks standing in cells of their own right of figures.
func markReferences(cells [][]placed, rows [][]token) {
	markFootnotes(rows)
	type span struct{ first, last int }
	var heads []span
	first := firstBody(rows)
	for i := range rows {
		if first >= 0 && i >= first {
			break // heads stand above the figures: "Note | 2024 | 2023"
		}
		for _, p := range cells[i] {
			if p.first > 0 && isNoteHead(p.text) {
				heads = append(heads, span{p.first, p.last})
			}
		}
	}
	lists := map[int]bool{} // right edge -> every cell there is a reference list
	for _, toks := range rows {
		for _, t := range toks {
			if !t.figure && !isRefList(t.text) {
				continue
			}
			all, seen := lists[t.last]
			if !seen {
				all = true
			}
			lists[t.last] = all && isRefList(t.text)
		}
	}
	refs := map[int]bool{} // right edges of columns of reference lists
	for _, toks := range rows {
		for _, t := range toks {
			refs[t.last] = refs[t.last] || !t.figure && lists[t.last] && strings.Contains(t.text, ",")
		}
	}
	for _, toks := range rows {
		for k := range toks {
			t := &toks[k]
			if !isRefList(t.text) {
				continue // a figure under a wide "Notes" head is still one
			}
			ref := refs[t.last]
			for _, h := range heads {
				ref = ref || t.first >= h.first && t.last <= h.last
			}
			if ref {
				t.figure, t.ref = false, true
			}
		}
	}
}

// markFootnotes makes marks of the footnote marks that stand in cells of
// their own right of a figure ("500 | (1)"): a mark that is no figure
// always, and a "(1)" or "*" when its column holds nothing else and not
// every row fills it (a column of -1s is figures).
func markFootnotes(rows [][]token) {
	after := func(toks []token, k int) bool {
		return k > 0 && toks[k-1].figure && !openNegative(toks[k-1].text) && footnoteMark(toks[k].text)
	}
	body := rows[max(firstBody(rows), 0):] // the years heading the columns are no marks
	only := map[int]bool{}                 // right edge -> every figure there is a mark after a figure
	for _, toks := range body {
		for k, t := range toks {
			if t.figure {
				seen, ok := only[t.last]
				only[t.last] = (seen || !ok) && after(toks, k)
			}
		}
	}
	filled, figureRows := map[int]int{}, 0 // right edge -> rows with a figure there
	for _, toks := range body {
		if !hasFigure(toks) {
			continue
		}
		figureRows++
		for _, t := range toks {
			if t.figure && only[t.last] {
				filled[t.last]++
			}
		}
	}
	for _, toks := range body {
		for k := range toks {
			if t := &toks[k]; after(toks, k) && (!t.figure || only[t.last] && filled[t.last] < figureRows) {
				t.figure, t.ref = false, true
			}
		}
	}
}

// footnoteMark: a footnote's mark alone: "(1)", "(a)", "*", "†".
func footnoteMark(s string) bool {
	switch s {
	case "*", "**", "†", "‡", "(*)":
		return true
	}
	return parenNumber(s) || len(s) == 3 && s[0] == '(' && s[1] >= 'a' && s[1] <= 'z' && s[2] == ')'
}

// parenNumber: a number of one or two digits in parentheses, as a
// footnote or a list marks itself: "(1)", "(12)".
func parenNumber(s string) bool {
	return len(s) >= 3 && len(s) <= 4 && s[0] == '(' && s[len(s)-1] == ')' && strings.Trim(s[1:len(s)-1], "0123456789") == ""
}

// isNoteHead: the heading of a column of footnote references.
func isNoteHead(s string) bool {
	switch strings.ToLower(strings.TrimSuffix(s, ".")) {
	case "note", "notes", "note(s)", "note ref", "ref", "reference", "references", "footnote", "footnotes", "footnote(s)":
		return true
	}
	return false
}

// isRefList: footnote references as a notes column prints them: "1",
// "1,2", "(3)", "4, 5".
func isRefList(s string) bool {
	s = strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
	for {
		p, rest, more := strings.Cut(s, ",")
		p = strings.TrimSpace(p)
		if p == "" || len(p) > 2 || strings.Trim(p, "0123456789") != "" {
			return false
		}
		if !more {
			return true
		}
		s = rest
	}
}

// figures counts the figures of a row.
func figures(toks []token) int {
	n := 0
	for _, t := range toks {
		if t.figure {
			n++
		}
	}
	return n
}

func hasFigure(toks []token) bool {
	for _, t := range toks {
		if t.figure {
			return true
		}
	}
	return false
}

func allYears(toks []token) bool {
	n := 0
	for _, t := range toks {
		if t.figure {
			if !isYear(t) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// columns maps grid columns to the table's figure columns.
type columns struct {
	n     int
	edges []int // the right edges of the figures' cells, ascending
	group []int // the figure column of each edge, ascending too
	label int   // the grid column the rows' labels start in, -1 for none
}

// labelColumn is the leftmost grid column that a label of a row of
// figures starts in, or -1.
func labelColumn(rows [][]token) int {
	at := -1
	for _, toks := range rows {
		if len(toks) > 1 && !toks[0].figure && hasFigure(toks) && (at < 0 || toks[0].first < at) {
			at = toks[0].first
		}
	}
	return at
}

// columnsOf finds the figure columns: the right edges of the cells that
// hold figures, across the rows. Two edges are one column when no row has
// figures at both and some figure's cell covers both (a cell spanning the
// "$" column in one row and not in the next).
func columnsOf(rows [][]token) columns {
	seen := map[int]bool{}
	var edges []int
	for _, toks := range rows {
		for _, t := range toks {
			if t.figure && !seen[t.last] {
				seen[t.last] = true
				edges = append(edges, t.last)
			}
		}
	}
	sort.Ints(edges)
	cols := columns{edges: edges, group: make([]int, len(edges))}
	if len(edges) == 0 {
		return cols
	}
	// Between edges k and k+1: apart[k] when a row has figures at both,
	// cover[k] counts the figures' cells covering both.
	apart := make([]bool, len(edges))
	cover := make([]int, len(edges)+1)
	for _, toks := range rows {
		prev := -1
		for _, t := range toks {
			if !t.figure {
				continue
			}
			k := sort.SearchInts(edges, t.last)
			if prev >= 0 && k == prev+1 {
				apart[prev] = true
			}
			prev = k
			if from := sort.SearchInts(edges, t.first); from < k {
				cover[from]++
				cover[k]--
			}
		}
	}
	covered := 0
	for k := 1; k < len(edges); k++ {
		covered += cover[k-1]
		cols.group[k] = cols.group[k-1]
		if apart[k-1] || covered == 0 {
			cols.group[k]++
		}
	}
	cols.n = cols.group[len(edges)-1] + 1
	return cols
}

// span is the figure columns a grid range covers: -1, -1 left of every
// column (the stub), -2, -2 for none.
func (c columns) span(first, last int) (int, int) {
	k := sort.SearchInts(c.edges, first)
	switch {
	case k < len(c.edges) && c.edges[k] <= last:
		return c.group[k], c.group[sort.SearchInts(c.edges, last+1)-1]
	case len(c.edges) > 0 && last < c.edges[0]:
		return -1, -1
	}
	return -2, -2
}

// headRow builds a row above the figures: every phrase with the columns
// it heads, and the stub text as the label.
func headRow(r *row, cells []placed, toks []token, cols columns) (grid.Row, bool) {
	out := grid.Row{Kind: grid.Words, Line: r.line, Years: allYears(toks)}
	var all, stub []string
	for _, p := range cells {
		if p.text == "" {
			continue
		}
		if out.Line == 0 || p.c.pos.Line > 0 && len(all) == 0 {
			out.Line = p.c.pos.Line
		}
		all = append(all, p.text)
		lo, hi := cols.span(p.first, p.last)
		if lo >= 0 && p.first <= cols.label {
			// Text that starts where the labels do is the stub's, however
			// far its cell spans: "ASSETS" in a cell across the table.
			lo, hi = -1, -1
		}
		if lo == -1 {
			stub = append(stub, p.text)
		}
		out.Cells = append(out.Cells, grid.Cell{First: lo, Last: hi, Text: p.text, Pos: p.c.pos})
	}
	if len(all) == 0 {
		return grid.Row{}, false
	}
	out.Text = strings.Join(all, " ")
	out.Label = strings.Join(stub, " ")
	return out, true
}

// scratch is what appendBody gathers a row in, used again by the next
// row of the table.
type scratch struct {
	taken      []bool   // the figure columns the row has filled
	label, all []string // the texts of its label and of the whole row
}

// appendBody appends a body row, with the rules its borders draw above
// and below it.
func appendBody(body []grid.Row, r *row, cells []placed, toks []token, cols columns, sc *scratch, warn func(int, string)) []grid.Row {
	out := grid.Row{Kind: grid.Blank, Line: r.line}
	taken, label, all := sc.taken, sc.label[:0], sc.all[:0]
	clear(taken)
	if n := figures(toks); n > 0 {
		out.Cells = make([]grid.Cell, 0, n)
	}
	var stub *cell // the cell of the label's first token
	top, bottom := r.top, r.bot
	for i, t := range toks {
		if out.Line == 0 || i == 0 && t.c.pos.Line > 0 {
			out.Line = t.c.pos.Line
		}
		if t.ref {
			continue // a footnote reference: no part of the row's text
		}
		all = append(all, t.text)
		if !t.figure {
			if len(out.Cells) == 0 {
				if len(label) == 0 {
					stub = t.c
				}
				label = append(label, t.text)
			}
			continue
		}
		col, _ := cols.span(t.last, t.last)
		switch {
		case col < 0:
			warn(t.c.pos.Line, "figure \""+t.text+"\" stands in no column of the table; skipped")
			continue
		case taken[col]:
			warn(t.c.pos.Line, "figure \""+t.text+"\" stands in a column another figure of its row took; skipped")
			continue
		}
		taken[col] = true
		top, bottom = max(top, t.c.top), max(bottom, t.c.bottom)
		out.Cells = append(out.Cells, grid.Cell{First: col, Last: col, Text: t.text, Num: t.num, Pos: t.c.pos})
	}
	if len(out.Cells) == 0 {
		out.Cells = nil // every figure skipped: no cells, as when none came
	}
	if stub != nil {
		out.Indent = stub.indent
	}
	switch {
	case len(out.Cells) > 0:
		out.Kind = grid.Figures
		out.Years = allYears(toks)
	case len(all) > 0:
		out.Kind = grid.Words
	}
	out.Text = strings.Join(all, " ")
	out.Label = strings.Join(label, " ")
	sc.label, sc.all = label, all
	if out.Kind == grid.Blank {
		// An empty row whose cells draw a line is a rule.
		for _, p := range cells {
			top = max(top, p.c.top, p.c.bottom)
		}
		if top != 0 {
			return appendRule(body, out.Line, top)
		}
		return append(body, out)
	}
	closing := out.Kind == grid.Words && underFigures(body)
	if closing {
		// The double line under Total assets is often the top border of
		// the spacer cells of the next heading ("LIABILITIES AND ..."):
		// it closes the figures above all the same.
		for _, p := range cells {
			top = max(top, p.c.top)
		}
	}
	if top != 0 && (out.Kind == grid.Figures || closing) {
		body = appendRule(body, out.Line, top)
	}
	body = append(body, out)
	if bottom != 0 && out.Kind == grid.Figures {
		body = appendRule(body, out.Line, bottom)
	}
	return body
}

// appendRule adds a rule row; a rule right under another is the same one.
func appendRule(body []grid.Row, line int, rule byte) []grid.Row {
	if n := len(body); n > 0 && body[n-1].Kind == grid.Rule {
		body[n-1].Rule = max(body[n-1].Rule, rule)
		return body
	}
	return append(body, grid.Row{Kind: grid.Rule, Line: line, Rule: rule})
}

// underFigures reports whether the last body row is a row of figures.
func underFigures(body []grid.Row) bool {
	return len(body) > 0 && body[len(body)-1].Kind == grid.Figures
}

// Package textgrid reads the plain-text layouts of EDGAR documents - tagged
// <TABLE> blocks and untagged aligned columns - into the neutral tables of
// package grid. It knows character columns; nothing after it does.
//
// Read splits a document's lines into tables and prose. Each table's
// figure columns are found from where the figures stand on every row; the
// header phrases above them are given the columns they stand over; every
// figure is placed in the column it overlaps most.
package textgrid

import (
	"sort"
	"strings"
	"unicode"

	"finexport/extract/grid"
)

// Line is one line of a document with its 1-based number in the file.
type Line struct {
	N    int
	Text string
}

// Read finds the tables of a document and returns them with the lines of
// prose around them. warn reports layout problems at a line.
func Read(doc []Line, warn func(line int, msg string)) ([]grid.Table, []Line) {
	blocks, prose := findBlocks(doc, warn)
	tables := make([]grid.Table, 0, len(blocks))
	for _, b := range blocks {
		tables = append(tables, layout(b, warn))
	}
	return tables, prose
}

// layout turns one block of lines into a grid.
func layout(b block, warn func(int, string)) grid.Table {
	t := grid.Table{Start: b.Start, End: b.End}
	for _, l := range b.Above {
		t.Above = append(t.Above, textOf(l))
	}
	for _, n := range b.Notes {
		t.Notes = append(t.Notes, textOf(n))
	}
	shapes := b.shapes
	if len(shapes) != len(b.Lines) {
		shapes = make([]lineShape, len(b.Lines))
		for i, l := range b.Lines {
			shapes[i] = shapeLine(l.Text)
		}
	}
	first := firstDataLine(shapes)
	if first < 0 {
		for i, l := range b.Lines {
			t.Head = append(t.Head, headRow(l, shapes[i], nil, nil))
		}
		return t
	}
	cols := clusterColumns(shapes[first:], b.Markers)
	t.Columns = len(cols)
	groups := underlines(b.Lines[:first], cols)
	if first > 0 {
		t.Head = make([]grid.Row, 0, first)
	}
	t.Body = make([]grid.Row, 0, len(b.Lines)-first)
	for i := 0; i < first; i++ {
		t.Head = append(t.Head, headRow(b.Lines[i], shapes[i], cols, groups[i:]))
	}
	t.Body = make([]grid.Row, 0, len(b.Lines)-first) // sized once: a long table is not copied as it grows
	for i := first; i < len(b.Lines); i++ {
		t.Body = append(t.Body, bodyRow(b.Lines[i], shapes[i], cols, warn))
	}
	return t
}

func textOf(l Line) grid.Text {
	s := strings.TrimSpace(l.Text)
	indent := len(l.Text) - len(strings.TrimLeft(l.Text, " "))
	return grid.Text{Pos: grid.Pos{Line: l.N, Col: indent + 1, EndCol: indent + len([]rune(s))}, Text: s, Indent: indent}
}

// kindOf says what a line holds.
func kindOf(l Line, sh lineShape) grid.RowKind {
	switch {
	case strings.TrimSpace(l.Text) == "":
		return grid.Blank
	case len(sh.Cells) > 0:
		return grid.Figures
	case sh.Rule != 0 && sh.Label == "":
		return grid.Rule
	}
	return grid.Words
}

// span is a column's character extent: where its figures stand.
type span struct{ l, r int }

// headRow reads a line above the first figures: its phrases, each given
// the columns it heads. groups holds the underlines of this line and of
// each line below it in the head.
func headRow(l Line, sh lineShape, cols []span, groups [][]span) grid.Row {
	row := grid.Row{Kind: kindOf(l, sh), Line: l.N, Text: strings.TrimSpace(l.Text), Label: sh.Label, Indent: sh.Indent, Rule: sh.Rule, Years: allYears(sh)}
	if row.Kind == grid.Figures {
		row.Kind = grid.Words // years, or figures before the table's columns were known
	}
	if len(cols) == 0 {
		return row
	}
	var phrases []chunk
	if row.Years {
		switch {
		case sh.Label != "" && sh.Indent >= cols[0].l/2:
			// "1997   Change   1998": the words left of the last year stand
			// over columns too; they are no stub.
			var label []chunk
			for _, c := range splitChunks(l.Text) {
				if c.End <= sh.LabelEnd { // LabelEnd counts runes: never cut the line by it
					label = append(label, c)
				}
			}
			phrases = append(phrases, splitGlued(label)...)
		case sh.Label != "":
			row.Cells = append(row.Cells, grid.Cell{First: -1, Last: -1, Text: sh.Label, Pos: grid.Pos{Line: l.N, Col: sh.Indent + 1, EndCol: sh.LabelEnd}})
		}
		for _, c := range sh.Cells {
			phrases = append(phrases, c.chunk)
		}
	} else {
		zone := cols[0].l
		for _, c := range splitGlued(splitChunks(l.Text)) {
			if isRuleText(c.Text) {
				continue
			}
			if c.End < zone-1 && c.Start < zone/2 {
				row.Cells = append(row.Cells, grid.Cell{First: -1, Last: -1, Text: c.Text, Pos: pos(l.N, c)})
				continue
			}
			phrases = append(phrases, c)
		}
	}
	row.Cells = append(row.Cells, assignPhrases(l.N, joinSpacedWords(phrases), cols, groups)...)
	return row
}

// within returns the column a phrase stands wholly over, within two
// characters of its edges and over no other column; else -1. Such a
// phrase that names no period ("Percent" over "Change") heads that column
// alone.
func within(p chunk, cols []span) int {
	own := -1
	for ci, c := range cols {
		if overlap(p.Start, p.End, c.l, c.r) == 0 {
			continue
		}
		if own >= 0 || p.Start < c.l-2 || p.End > c.r+2 {
			return -1
		}
		own = ci
	}
	return own
}

// underlines finds, on each head line, the rules that underline a header
// spanning two or more columns: the rule under "Year Ended December 31,"
// that runs across its three years.
func underlines(lines []Line, cols []span) [][]span {
	out := make([][]span, len(lines))
	for i, l := range lines {
		if !strings.ContainsAny(l.Text, "-=_") || !headerBelow(lines[i+1:], cols) {
			continue // the rule under the last header line closes the head
		}
		for _, c := range splitChunks(l.Text) {
			// A rule that runs into the labels is a separator across the
			// table, not the underline of one header.
			if r := (span{c.Start, c.End}); isRuleText(c.Text) && r.l >= cols[0].l-12 && len(columnsUnder(r, cols)) >= 2 {
				out[i] = append(out[i], r)
			}
		}
	}
	return out
}

// headerBelow: words or years stand over the columns on a head line
// below (a scale note in the stub is no header).
func headerBelow(lines []Line, cols []span) bool {
	zone := cols[0].l
	for _, l := range lines {
		for _, c := range splitChunks(l.Text) {
			if !isRuleText(c.Text) && (c.End >= zone-1 || c.Start >= zone/2) {
				return true
			}
		}
	}
	return false
}

// columnsUnder lists the columns a rule runs over for half their width
// or more.
func columnsUnder(r span, cols []span) []int {
	var out []int
	for ci, c := range cols {
		if 2*overlap(c.l, c.r, r.l, r.r) >= c.r-c.l {
			out = append(out, ci)
		}
	}
	return out
}

// groupOf returns the columns a head phrase may head, as the underlines
// tell, and whether an underline below it names them. A phrase standing
// over an underline (for half its width or more) heads the columns the
// underline runs over, however far they stand; a phrase beside an underline on its own line heads none of the
// columns that underline belongs to. groups[0] holds the phrase's own
// line's underlines; nil means any column.
func groupOf(p chunk, cols []span, groups [][]span) ([]bool, bool) {
	if len(groups) == 0 {
		return nil, false
	}
	for _, rules := range groups[1:] {
		var allowed []bool
		for _, r := range rules {
			if 2*overlap(p.Start, p.End, r.l, r.r) < p.End-p.Start {
				continue // not standing over this underline
			}
			if allowed == nil {
				allowed = make([]bool, len(cols))
			}
			for _, ci := range columnsUnder(r, cols) {
				allowed[ci] = true
			}
		}
		if allowed != nil {
			return allowed, true
		}
	}
	if len(groups[0]) == 0 {
		return nil, false
	}
	allowed := make([]bool, len(cols))
	for ci := range allowed {
		allowed[ci] = true
	}
	for _, r := range groups[0] {
		for _, ci := range columnsUnder(r, cols) {
			allowed[ci] = false
		}
	}
	return allowed, false
}

// joinSpacedWords joins header words set two spaces apart into one
// phrase: "Three  Months  Ended" heads its columns as one.
func joinSpacedWords(phrases []chunk) []chunk {
	var out []chunk
	for _, p := range phrases {
		if n := len(out); n > 0 && p.Start-out[n-1].End <= 2 && !hasDigit(p.Text) && !hasDigit(out[n-1].Text) {
			out[n-1] = chunk{Text: out[n-1].Text + " " + p.Text, Start: out[n-1].Start, End: p.End}
			continue
		}
		out = append(out, p)
	}
	return out
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// splitGlued splits header phrases that one space joins but that head two
// columns: "March 28, March 29," and "2001 Change".
func splitGlued(chunks []chunk) []chunk {
	out := make([]chunk, 0, len(chunks))
	var buf [16]chunk
	for _, c := range chunks {
		if !strings.Contains(c.Text, " ") {
			out = append(out, c) // one word: nothing glued
			continue
		}
		words := appendWords(buf[:0], c)
		start := 0
		for i := 1; i < len(words); i++ {
			prev := words[i-1].Text
			dayBefore := len(strings.TrimRight(prev, ",.")) <= 2 && allDigits(strings.TrimRight(prev, ",."))
			yearBefore := grid.IsYear(strings.TrimRight(prev, ",.*"))
			if !dayBefore && !yearBefore {
				continue // a split needs a day or a year before it: the word is not lowered
			}
			w := strings.ToLower(strings.TrimSuffix(words[i].Text, "."))
			if monthWords[w] && (dayBefore || yearBefore) || yearBefore && (w == "change" || w == "%" || w == "increase" || w == "variance") {
				out = append(out, joinWords(words[start:i]))
				start = i
			}
		}
		if start == 0 {
			out = append(out, c)
			continue
		}
		out = append(out, joinWords(words[start:]))
	}
	return out
}

func joinWords(words []chunk) chunk {
	texts := make([]string, len(words))
	for i, w := range words {
		texts[i] = w.Text
	}
	return chunk{Text: strings.Join(texts, " "), Start: words[0].Start, End: words[len(words)-1].End}
}

func pos(n int, c chunk) grid.Pos { return grid.Pos{Line: n, Col: c.Start + 1, EndCol: c.End} }

// assignPhrases gives each phrase the columns it heads: one phrase a
// column when a line has one for each; else each column takes the phrase
// over it or, failing that, the nearest phrase within reach, so that a
// spanning "Three Months Ended" heads both its columns and no column far
// from it. Underlines group the columns: a phrase heads only columns of
// its own group, and all of them.
func assignPhrases(n int, phrases []chunk, cols []span, groups [][]span) []grid.Cell {
	out := make([]grid.Cell, len(phrases))
	allowed := make([][]bool, len(phrases))
	underlined := make([]bool, len(phrases))
	for i, p := range phrases {
		out[i] = grid.Cell{First: -2, Last: -2, Text: p.Text, Pos: pos(n, p)}
		allowed[i], underlined[i] = groupOf(p, cols, groups)
		if own := within(p, cols); own >= 0 && allowed[i] == nil && !namesPeriod(p.Text) {
			allowed[i] = make([]bool, len(cols))
			allowed[i][own] = true
		}
	}
	if len(phrases) == 0 {
		return out
	}
	reach := headerReach(cols)
	for ci, c := range cols {
		pick := ci
		if len(phrases) != len(cols) {
			best := -1
			for pi, p := range phrases {
				if allowed[pi] != nil && !allowed[pi][ci] {
					continue
				}
				if d := spanDistance(p.Start, p.End, c.l, c.r); best < 0 || d < best {
					best, pick = d, pi
				}
			}
			if best < 0 || best > reach && !underlined[pick] {
				continue
			}
		}
		cell := &out[pick]
		if cell.First < 0 {
			cell.First = ci
		}
		cell.Last = ci
	}
	return out
}

// headerReach is how far a header phrase may stand from a column it heads:
// half the narrowest gap between two columns, and at least six characters.
func headerReach(cols []span) int {
	reach := -1
	for i := 1; i < len(cols); i++ {
		if gap := (cols[i].l - cols[i-1].r) / 2; reach < 0 || gap < reach {
			reach = gap
		}
	}
	return max(reach, 6)
}

// bodyRow reads a line at or below the first figures.
func bodyRow(l Line, sh lineShape, cols []span, warn func(int, string)) grid.Row {
	sh = withGluedFigure(l.Text, sh, cols)
	row := grid.Row{Kind: kindOf(l, sh), Line: l.N, Text: strings.TrimSpace(l.Text), Label: sh.Label, Indent: sh.Indent, Rule: sh.Rule, Years: isYearLine(sh)}
	if row.Kind == grid.Figures {
		row.Cells = placeCells(l.N, sh, cols, warn)
	}
	return row
}

// withGluedFigure takes out a figure that a long label pushed against it
// with a single space ("...operating activities 172,378"): the label's
// last word, when it reads as a figure and ends where the column left of
// the line's figures ends. Anywhere else it stays part of the label.
func withGluedFigure(text string, sh lineShape, cols []span) lineShape {
	k := len(cols) - len(sh.Cells) - 1
	if k < 0 || sh.Label == "" || sh.Rule != 0 || len(sh.Cells) > 0 && sh.Cells[0].Start < cols[k].r {
		return sh
	}
	if last := sh.Label[len(sh.Label)-1]; last != ')' && (last < '0' || last > '9') {
		return sh // a label that ends in a word: the common case, spared the work below
	}
	runes := []rune(blankLeaders(text))
	end := min(sh.LabelEnd, len(runes))
	start := end
	for start > 0 && runes[start-1] != ' ' {
		start--
	}
	if start <= sh.Indent || end-cols[k].r > 1 || cols[k].r-end > 1 {
		return sh
	}
	word := string(runes[start:end])
	n, ok := grid.ParseNumber(word)
	if !ok || n.NA || !isNumberPiece(word) {
		return sh
	}
	label := strings.TrimSpace(string(runes[sh.Indent:start]))
	if strings.HasSuffix(label, " $") {
		label, n.Dollar = strings.TrimSpace(strings.TrimSuffix(label, "$")), true
	}
	if strings.HasSuffix(label, "$") || strings.HasSuffix(label, "-") || label == "" {
		return sh // the end of a range, "$ .11-$ 8.79"
	}
	out := sh
	out.Label = grid.FoldSpaces(label)
	out.LabelEnd = sh.Indent + len([]rune(label))
	out.Cells = append([]rawCell{{chunk: chunk{Text: word, Start: start, End: end}, Num: n, NumStart: start}}, sh.Cells...)
	return out
}

// placeCells puts each figure of a line into the column it overlaps most;
// failing that, the nearest.
func placeCells(n int, sh lineShape, cols []span, warn func(int, string)) []grid.Cell {
	cells := make([]grid.Cell, 0, len(sh.Cells)) // one allocation a row
	var takenBuf [16]bool                        // the columns given a figure: most tables fit
	taken := takenBuf[:]
	if len(cols) > len(takenBuf) {
		taken = make([]bool, len(cols))
	}
	for _, rc := range sh.Cells {
		col, best := -1, 0
		for ci, c := range cols {
			score := overlap(rc.NumStart, rc.End, c.l, c.r)
			if score == 0 {
				score = -spanDistance(rc.NumStart, rc.End, c.l, c.r)
			}
			if col < 0 || score > best {
				col, best = ci, score
			}
		}
		if col < 0 || best < -4 || taken[col] {
			warn(n, "figure "+quote(strings.TrimSpace(rc.Text))+" stands in no column of the table; skipped")
			continue
		}
		taken[col] = true
		cells = append(cells, grid.Cell{First: col, Last: col, Text: strings.TrimSpace(rc.Text), Num: rc.Num, Pos: pos(n, rc.chunk)})
	}
	return cells
}

func quote(s string) string { return `"` + s + `"` }

// overlap is how many characters two spans share.
func overlap(a0, a1, b0, b1 int) int {
	return max(0, min(a1, b1)-max(a0, b0))
}

func spanDistance(a0, a1, b0, b1 int) int {
	switch {
	case a1 <= b0:
		return b0 - a1
	case b1 <= a0:
		return a0 - b1
	}
	return 0
}

// firstDataLine is the first line with figures that are not a row of
// years. Above it, a row of years may carry any text on its left: a scale
// note, "(Unaudited)", a statement's name.
func firstDataLine(shapes []lineShape) int {
	for i, sh := range shapes {
		if len(sh.Cells) > 0 && !allYears(sh) {
			return i
		}
	}
	return -1
}

// clusterColumns finds the numeric columns from where figures stand: the
// spans of the figures on all data lines, merged where they overlap. When
// the <C> markers say fewer columns, a column that few figures make (a
// number in a label, a stray mark: one figure, or a quarter as many as the
// fullest column) is dropped first; then the closest neighbours are
// merged.
func clusterColumns(shapes []lineShape, markers int) []span {
	type cluster struct {
		span
		n int
	}
	var spans []span
	for _, sh := range shapes {
		if allYears(sh) {
			continue
		}
		for _, c := range sh.Cells {
			spans = append(spans, span{c.NumStart, c.End})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].l < spans[j].l })
	var cols []cluster
	for _, s := range spans {
		if n := len(cols); n > 0 && s.l < cols[n-1].r {
			cols[n-1].r = max(cols[n-1].r, s.r)
			cols[n-1].n++
			continue
		}
		cols = append(cols, cluster{s, 1})
	}
	for markers > 0 && len(cols) > markers {
		lone, most := -1, 0
		for i, c := range cols {
			most = max(most, c.n)
			if lone < 0 || c.n < cols[lone].n {
				lone = i
			}
		}
		if cols[lone].n == 1 || cols[lone].n*4 <= most {
			cols = append(cols[:lone], cols[lone+1:]...)
			continue
		}
		best := 1
		for i := 2; i < len(cols); i++ {
			if cols[i].l-cols[i-1].r < cols[best].l-cols[best-1].r {
				best = i
			}
		}
		cols[best-1].r = max(cols[best-1].r, cols[best].r)
		cols[best-1].n += cols[best].n
		cols = append(cols[:best], cols[best+1:]...)
	}
	out := make([]span, len(cols))
	for i, c := range cols {
		out[i] = c.span
	}
	return out
}

// isYearLine: a line of four-digit years and nothing else but a heading.
func isYearLine(sh lineShape) bool {
	return allYears(sh) && (sh.Label == "" || grid.IsHeading(sh.Label))
}

// allYears: a line whose figures are all four-digit years.
func allYears(sh lineShape) bool {
	if len(sh.Cells) == 0 {
		return false
	}
	for _, c := range sh.Cells {
		text := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(c.Text), c.Num.Footnote))
		if !grid.IsYear(text) || c.Num.Dollar {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// periodWords are the words that make a line a column header.
var periodWords = map[string]bool{
	"ended": true, "ending": true, "quarter": true, "fiscal": true, "months": true, "weeks": true, "year": true,
}

var monthWords = map[string]bool{
	"january": true, "jan": true, "february": true, "feb": true, "march": true, "mar": true, "april": true, "apr": true,
	"may": true, "june": true, "jun": true, "july": true, "jul": true, "august": true, "aug": true, "september": true,
	"sept": true, "sep": true, "october": true, "oct": true, "november": true, "nov": true, "december": true, "dec": true,
}

var countWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "six": true, "nine": true, "twelve": true, "thirteen": true,
	"fourteen": true, "twenty": true, "thirty": true, "forty": true, "fifty": true,
}

// namesPeriod reports a line naming a period: a period word, a year, a
// month followed by a day, "N month" or "years ended".
func namesPeriod(s string) bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		next, prev := "", ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		if i > 0 {
			prev = words[i-1]
		}
		switch {
		case periodWords[w], grid.IsYear(w), strings.HasPrefix(w, "fy") && grid.IsYear(w[2:]):
			return true
		case monthWords[w] && len(next) <= 2 && allDigits(next):
			return true
		case w == "years" && next == "ended", (w == "month" || w == "week") && (countWords[prev] || len(prev) <= 2 && allDigits(prev)):
			return true
		}
	}
	return false
}

package extract

import (
	"sort"
	"strings"
	"unicode"
)

// isHeadingText: "Current assets:" or an all-capitals "ASSETS".
func isHeadingText(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ":") || isAllCaps(s)
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

var connectorWords = []string{"and", "of", "for", "in", "on", "to", "the", "from", "net", "or", "with", "less", "by"}

// continuesOnNextLine: a label line that ends mid-phrase.
func continuesOnNextLine(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ",") || strings.HasSuffix(s, "-") || strings.HasSuffix(s, "(") {
		return true
	}
	fields := strings.Fields(strings.ToLower(s))
	if len(fields) == 0 {
		return false
	}
	last := fields[len(fields)-1]
	for _, w := range connectorWords {
		if last == w {
			return true
		}
	}
	return false
}

// rowReader holds the state of reading a table body top to bottom.
type rowReader struct {
	g          *tableGrid
	open       []int // stack of open sections
	childShown map[int]int
	pending    []string // a wrapped label's first lines
	pendingAt  int
	pendingInd int
	lastData   bool // the last content line was a row of figures
	afterRule  bool
}

// readRows reads the body lines into rows and sections.
func (g *tableGrid) readRows(start int) {
	r := &rowReader{g: g, childShown: map[int]int{}}
	for i := start; i < len(g.b.Lines); i++ {
		sh := g.shapes[i]
		text := g.b.Lines[i].Text
		switch {
		case strings.TrimSpace(text) == "":
		case len(sh.Cells) > 0 && !(isYearLine(sh) && len(g.t.Rows) == 0):
			r.dataLine(i, sh)
		case sh.Rule != 0 && sh.Label == "":
			// A single rule announces a subtotal; a double rule under a
			// subtotal makes it a total, and announces nothing.
			if r.lastData && sh.Rule == '=' {
				if last := &g.t.Rows[len(g.t.Rows)-1]; last.Total == Subtotal {
					last.Total = Total
				}
			} else if r.lastData {
				r.afterRule = true
			}
		default:
			r.textLine(i, sh)
		}
	}
	if len(r.pending) > 0 {
		g.t.Notes = append(g.t.Notes, strings.Join(r.pending, " "))
	}
	g.setDepths()
}

// nextContent returns the shape of the next non-blank, non-rule line.
func (r *rowReader) nextContent(i int) (lineShape, bool) {
	for j := i + 1; j < len(r.g.shapes); j++ {
		sh := r.g.shapes[j]
		if strings.TrimSpace(r.g.b.Lines[j].Text) == "" || sh.Rule != 0 && sh.Label == "" {
			continue
		}
		return sh, true
	}
	return lineShape{}, false
}

func (r *rowReader) textLine(i int, sh lineShape) {
	t := r.g.t
	label := sh.Label
	n := r.g.b.Lines[i].N
	next, hasNext := r.nextContent(i)
	adjacent := i+1 < len(r.g.shapes) && len(r.g.shapes[i+1].Cells) > 0
	switch {
	case isAllCaps(label) && !adjacent:
		r.open = nil
		r.push(Section{Title: label, Line: n, Indent: -1, Parent: -1})
	case strings.HasSuffix(label, ":"):
		r.closeSiblings(sh.Indent)
		r.push(Section{Title: label, Line: n, Indent: sh.Indent, Parent: r.top()})
	case hasNext && len(next.Cells) > 0 && (next.Label == "" || startsLower(next.Label) || continuesOnNextLine(label) || len(r.pending) > 0 && adjacent):
		if len(r.pending) == 0 {
			r.pendingAt, r.pendingInd = n, sh.Indent
		}
		r.pending = append(r.pending, label)
		return
	case hasNext && next.Indent > sh.Indent && next.Label != "":
		r.closeSiblings(sh.Indent)
		r.push(Section{Title: label, Line: n, Indent: sh.Indent, Parent: r.top()})
	default:
		t.Notes = append(t.Notes, label)
	}
	r.lastData, r.afterRule = false, false
}

func startsLower(s string) bool {
	for _, c := range s {
		return unicode.IsLower(c)
	}
	return false
}

func (r *rowReader) top() int {
	if len(r.open) == 0 {
		return -1
	}
	return r.open[len(r.open)-1]
}

func (r *rowReader) push(s Section) {
	r.g.t.Sections = append(r.g.t.Sections, s)
	r.open = append(r.open, len(r.g.t.Sections)-1)
	r.childShown[len(r.g.t.Sections)-1] = -2
}

// closeSiblings closes open sections at this indent or deeper.
func (r *rowReader) closeSiblings(indent int) {
	for len(r.open) > 0 && r.g.t.Sections[r.top()].Indent >= indent {
		r.open = r.open[:len(r.open)-1]
	}
}

// closeByIndent closes sections whose indented rows have ended: a row at
// or left of a heading whose first row stood further right.
func (r *rowReader) closeByIndent(indent int) {
	for len(r.open) > 0 {
		s := r.top()
		sec := r.g.t.Sections[s]
		if first := r.childShown[s]; sec.Indent < 0 || first <= sec.Indent || indent > sec.Indent {
			return
		}
		r.open = r.open[:len(r.open)-1]
	}
}

func (r *rowReader) dataLine(i int, sh lineShape) {
	t := r.g.t
	row := Row{Line: r.g.b.Lines[i].N, FirstLine: r.g.b.Lines[i].N, Label: sh.Label, Indent: sh.Indent, Section: -1, Closes: -1}
	if len(r.pending) > 0 {
		row.Label = strings.TrimSpace(strings.Join(r.pending, " ") + " " + sh.Label)
		row.FirstLine, row.Indent = r.pendingAt, r.pendingInd
		r.pending = nil
	}
	if row.Label != "" {
		r.closeByIndent(row.Indent)
	}
	if s := r.top(); s >= 0 && r.childShown[s] == -2 && row.Label != "" {
		r.childShown[s] = row.Indent
	}
	row.Section = r.top()
	isTotal := strings.HasPrefix(strings.ToLower(row.Label), "total")
	if r.afterRule || isTotal || row.Label == "" {
		row.Total = Subtotal
	}
	if row.Label == "" {
		row.Indent = -1
		row.LabelInferred = true
		row.Label = "Total"
		if s := r.top(); s >= 0 {
			row.Label = "Total " + lowerFirst(strings.TrimSuffix(t.Sections[s].Title, ":"))
		}
	}
	if (isTotal || row.LabelInferred) && r.top() >= 0 {
		row.Closes = r.top()
		r.open = r.open[:len(r.open)-1]
	}
	row.Cells = r.g.placeCells(sh, row.Line)
	t.Rows = append(t.Rows, row)
	r.lastData, r.afterRule = true, false
}

func lowerFirst(s string) string {
	if isAllCaps(s) {
		return strings.ToLower(s)
	}
	for i, c := range s {
		return string(unicode.ToLower(c)) + s[i+len(string(c)):]
	}
	return s
}

// placeCells puts each figure of a line into its column.
func (g *tableGrid) placeCells(sh lineShape, n int) []Cell {
	var cells []Cell
	taken := map[int]bool{}
	for _, rc := range sh.Cells {
		col, best := -1, 0
		for ci, c := range g.t.Columns {
			// The column the figure overlaps most; failing that, the nearest.
			score := overlap(rc.NumStart, rc.End, c.Left, c.Right)
			if score == 0 {
				score = -spanDistance(rc.NumStart, rc.End, c.Left, c.Right)
			}
			if col < 0 || score > best {
				col, best = ci, score
			}
		}
		if col < 0 || best < -4 || taken[col] {
			g.ctx.warn(n, "figure "+quote(strings.TrimSpace(rc.Text))+" stands in no column of the table; skipped")
			continue
		}
		taken[col] = true
		cells = append(cells, Cell{
			Column: col, Raw: strings.TrimSpace(rc.Text), Number: rc.Num,
			Source: Source{File: g.ctx.file, Line: n, ColStart: rc.Start + 1, ColEnd: rc.End},
		})
	}
	return cells
}

// overlap is how many characters two spans share.
func overlap(a0, a1, b0, b1 int) int {
	return max(0, min(a1, b1)-max(a0, b0))
}

// setDepths ranks label indents: the least indented rows have depth 0.
func (g *tableGrid) setDepths() {
	seen := map[int]bool{}
	var indents []int
	for _, r := range g.t.Rows {
		if r.Indent >= 0 && !seen[r.Indent] {
			seen[r.Indent] = true
			indents = append(indents, r.Indent)
		}
	}
	sort.Ints(indents)
	for i := range g.t.Rows {
		r := &g.t.Rows[i]
		r.Depth = sort.SearchInts(indents, r.Indent)
		if r.Indent < 0 {
			r.Depth = 0
		}
	}
}

package extract

import (
	"finexport/extract/grid"
	"slices"
	"sort"
	"strings"
	"unicode"
)

var connectorWords = []string{"and", "of", "for", "in", "on", "to", "the", "from", "net", "or", "with", "less", "by", "before"}

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
	rows       []grid.Row
	open       []int // stack of open sections
	childShown map[int]int
	pending    []string // a wrapped label's first lines
	pendingAt  int
	pendingInd int
	lastData   bool // the last content row was a row of figures
	afterRule  bool
	weakRule   bool   // the announcing rule closed a total above it
	heading    string // the text line over the current run of rows
}

// readRows reads the body rows into rows and sections.
func (g *tableGrid) readRows(rows []grid.Row) {
	r := &rowReader{g: g, rows: rows, childShown: map[int]int{}}
	figures := 0
	for _, row := range rows {
		if row.Kind == grid.Figures {
			figures++
		}
	}
	g.t.Rows = slices.Grow(g.t.Rows, figures) // sized once: a long table is not copied as it grows
	for i, row := range rows {
		switch {
		case row.Kind == grid.Blank:
			if r.lastData {
				r.heading = ""
			}
			if r.weakRule {
				r.afterRule, r.weakRule = false, false
			}
		case row.Kind == grid.Figures && !(row.Years && len(g.t.Rows) == 0):
			r.dataRow(i, row)
		case row.Kind == grid.Rule:
			// A single rule announces a subtotal; a double rule under a
			// subtotal makes it a total, and announces nothing.
			// A rule under a total closes it: it announces the row right
			// under it (as Operating income under Total operating
			// expenses), but not one past a blank line.
			last := lastRow(g.t)
			switch {
			case !r.lastData:
			case row.Rule == '=' && last.Total == Subtotal:
				last.Total = Total
			case row.Rule == '=':
			case last.Total != NotTotal:
				r.afterRule, r.weakRule = true, true
			default:
				r.afterRule = true
			}
		default:
			r.textRow(i, row)
		}
	}
	if len(r.pending) > 0 {
		g.t.Notes = append(g.t.Notes, strings.Join(r.pending, " "))
	}
	g.setDepths()
}

func lastRow(t *Table) *Row {
	if len(t.Rows) == 0 {
		return &Row{}
	}
	return &t.Rows[len(t.Rows)-1]
}

// nextContent returns the next row that is neither blank nor a rule.
func (r *rowReader) nextContent(i int) (grid.Row, bool) {
	for _, row := range r.rows[i+1:] {
		if row.Kind != grid.Blank && row.Kind != grid.Rule {
			return row, true
		}
	}
	return grid.Row{}, false
}

func (r *rowReader) textRow(i int, row grid.Row) {
	t := r.g.t
	label := row.Label
	next, hasNext := r.nextContent(i)
	nextFigures := hasNext && next.Kind == grid.Figures
	adjacent := i+1 < len(r.rows) && r.rows[i+1].Kind == grid.Figures
	switch {
	case isCaption(label):
		t.Notes = append(t.Notes, label)
		r.lastData, r.afterRule = false, false
		return
	case grid.IsAllCaps(label) && capsRunsOn(label, r.rows, i):
		// A capitals heading wrapped over lines ("EARNINGS PER SHARE" /
		// "OF COMMON STOCK"): one label, not two headings.
		if len(r.pending) == 0 {
			r.pendingAt, r.pendingInd = row.Line, row.Indent
		}
		r.pending = append(r.pending, label)
		return
	case grid.IsAllCaps(label) && !adjacent:
		r.open = nil
		r.push(Section{Title: label, Line: row.Line, Indent: -1, Parent: -1})
	case strings.HasSuffix(label, ":"):
		r.closeSiblings(row.Indent)
		r.push(Section{Title: label, Line: row.Line, Indent: row.Indent, Parent: r.top()})
	case nextFigures && (next.Label == "" || startsLower(next.Label) || continuesOnNextLine(label) || len(r.pending) > 0 && adjacent ||
		adjacent && hangsUnder(label, row, next)),
		hasNext && next.Kind == grid.Words && (continuesOnNextLine(label) || openParen(label) || startsLower(next.Label)) && !strings.HasSuffix(next.Label, ":"):
		// A label wrapped over two or more lines, with or without a
		// hanging indent.
		if len(r.pending) == 0 {
			r.pendingAt, r.pendingInd = row.Line, row.Indent
		}
		r.pending = append(r.pending, label)
		return
	case hasNext && next.Indent > row.Indent && next.Label != "":
		r.closeSiblings(row.Indent)
		r.push(Section{Title: label, Line: row.Line, Indent: row.Indent, Parent: r.top()})
	default:
		t.Notes = append(t.Notes, label)
		r.heading = label
		r.lastData, r.afterRule = false, false
		return
	}
	r.heading = ""
	r.lastData, r.afterRule = false, false
}

// capsRunsOn: a capitals line that the next line of words carries on:
// it ends mid-phrase, or the next, in capitals too, opens with a joining
// word.
func capsRunsOn(label string, rows []grid.Row, i int) bool {
	if i+1 >= len(rows) || rows[i+1].Kind != grid.Words {
		return false
	}
	if continuesOnNextLine(label) {
		return true
	}
	if !grid.IsAllCaps(rows[i+1].Label) {
		return false
	}
	first, _, _ := strings.Cut(strings.TrimSpace(rows[i+1].Label), " ")
	first = strings.ToLower(first)
	for _, w := range connectorWords {
		if first == w {
			return true
		}
	}
	return false
}

// hangsUnder: a label whose next, more indented line of figures finishes
// it rather than opening a section under it. The label ends a sentence
// ("Common stock, $1 par value. Authorized - 1,200,000,000 shares.") or
// the next line is only an aside ("(in millions)").
func hangsUnder(label string, row, next grid.Row) bool {
	if next.Indent <= row.Indent {
		return false
	}
	n := strings.TrimSpace(next.Label)
	aside := strings.HasPrefix(n, "(") && strings.HasSuffix(n, ")")
	return aside || strings.HasSuffix(strings.TrimSpace(label), ".")
}

// openParen: a label that opens a bracket it does not close.
func openParen(s string) bool {
	return strings.Count(s, "(") > strings.Count(s, ")")
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

// closeNamed closes the sections nested inside the one a total names:
// "Total operating expenses" closes "Special charges:" on its way to
// "Operating expenses:".
// It reports whether the total named an open section.
func (r *rowReader) closeNamed(label string) bool {
	for k := len(r.open) - 1; k >= 0; k-- {
		if totalNames(label, r.g.t.Sections[r.open[k]].Title) {
			r.open = r.open[:k+1]
			return true
		}
	}
	return false
}

// totalNames reports whether a "Total ..." label names a section: "Total
// current liabilities" names "Current liabilities:", "Total inventories"
// names "Inventories, at lower of average cost or market".
func totalNames(label, title string) bool {
	name := ampersandAsAnd(strings.TrimSpace(strings.TrimPrefix(strings.ToLower(label), "total")))
	if name == "" {
		return false
	}
	title = sectionName(title)
	return title == name || strings.HasPrefix(name, title+" ") ||
		strings.HasPrefix(title, name+",") || strings.HasPrefix(title, name+" (")
}

// repeatsTitle reports a row that repeats the name of its section, as
// "Inventories" under a rule below the lines of "Inventories:": the
// section's total.
func repeatsTitle(label, title string) bool {
	return label != "" && strings.EqualFold(strings.TrimSpace(label), strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(title), ":")))
}

// totalledLater reports whether a row after body row i totals section s
// by name ("Total assets" under the unlabelled net of property): an
// unlabelled row above it is then a running subtotal, not the section's
// total. The search ends where a new top-level heading starts.
func (r *rowReader) totalledLater(i, s int) bool {
	title := r.g.t.Sections[s].Title
	for _, row := range r.rows[i+1:] {
		switch {
		case row.Kind == grid.Figures && totalNames(row.Label, title):
			return true
		case row.Kind == grid.Words && grid.IsAllCaps(row.Label):
			return false
		}
	}
	return false
}

// isCaption reports a line that only refers to a note, as "Commitments
// and contingencies" between the liabilities and the equity: it heads no
// rows.
func isCaption(label string) bool {
	if strings.HasSuffix(label, ":") {
		return false
	}
	for i := 0; i < len(label); i++ {
		if label[i] >= 0x80 { // strings.ToLower and Fields read runes outside ASCII: their way
			fields := strings.Fields(strings.ToLower(label))
			return len(fields) > 0 && (fields[0] == "commitments" || fields[0] == "contingencies")
		}
	}
	w := leadingWord(label)
	return len(w) == len("commitments") && litAt(w, 0, "commitments") || len(w) == len("contingencies") && litAt(w, 0, "contingencies")
}

// leadingWord is strings.Fields(s)[0] of an ASCII text, or "".
func leadingWord(s string) string {
	i := 0
	for i < len(s) && fieldsSpace(s[i]) {
		i++
	}
	j := i
	for j < len(s) && !fieldsSpace(s[j]) {
		j++
	}
	return s[i:j]
}

// fieldsSpace is a space strings.Fields splits ASCII text at.
func fieldsSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// ampersandAsAnd reads "&" as "and": "Total costs & expenses" names
// "Costs and expenses:".
func ampersandAsAnd(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return grid.FoldSpaces(strings.ReplaceAll(s, "&", " and "))
}

// closeSiblings closes open sections at this indent or deeper.
func (r *rowReader) closeSiblings(indent int) {
	for len(r.open) > 0 && r.g.t.Sections[r.top()].Indent >= indent {
		r.open = r.open[:len(r.open)-1]
	}
}

// closeByIndent closes sections whose indented rows have ended: a row at
// or left of a heading whose first row stood further right. It returns
// the innermost section closed, or -1.
func (r *rowReader) closeByIndent(indent int) int {
	closed := -1
	for len(r.open) > 0 {
		s := r.top()
		sec := r.g.t.Sections[s]
		if first := r.childShown[s]; sec.Indent < 0 || first <= sec.Indent || indent > sec.Indent {
			return closed
		}
		if closed < 0 {
			closed = s
		}
		r.open = r.open[:len(r.open)-1]
	}
	return closed
}

func (r *rowReader) dataRow(i int, gr grid.Row) {
	t := r.g.t
	row := Row{Line: gr.Line, FirstLine: gr.Line, Label: gr.Label, Indent: gr.Indent, Section: -1, Closes: -1, heading: r.heading}
	if len(r.pending) > 0 {
		row.Label = strings.TrimSpace(strings.Join(r.pending, " ") + " " + gr.Label)
		row.FirstLine, row.Indent = r.pendingAt, r.pendingInd
		r.pending = nil
	}
	isTotal := hasPrefixLower(row.Label, "total")
	if named := isTotal && r.closeNamed(row.Label); !named && row.Label != "" {
		if closed := r.closeByIndent(row.Indent); closed >= 0 && r.afterRule {
			row.after = t.Sections[closed].Title
		}
	}
	// A row under a rule that repeats its section's name totals it.
	closesByName := r.afterRule && !isTotal && r.top() >= 0 && repeatsTitle(row.Label, t.Sections[r.top()].Title)
	if s := r.top(); s >= 0 && r.childShown[s] == -2 && row.Label != "" {
		r.childShown[s] = row.Indent
	}
	row.Section = r.top()
	if r.afterRule || isTotal || row.Label == "" {
		row.Total = Subtotal
	}
	running, netOfLess := false, false
	if row.Label == "" {
		row.Indent = -1
		row.LabelInferred = true
		row.Label = "Total"
		if s := r.top(); s >= 0 && !r.totalledLater(i, s) {
			row.Label = "Total " + lowerFirst(strings.TrimSuffix(t.Sections[s].Title, ":"))
		} else {
			running = s >= 0 // a section totalled further down: this one only runs
		}
		// Under "Less accumulated depreciation" the figures are the
		// amount above net of it, not the total of the open section.
		if prev := lastRow(t); r.lastData && hasPrefixLower(prev.Label, "less ") {
			row.Label, netOfLess = "Net", true
		}
	}
	if (isTotal || closesByName || row.LabelInferred && !running) && r.top() >= 0 && !netOfLess {
		row.Closes = r.top()
		r.open = r.open[:len(r.open)-1]
	}
	if len(gr.Cells) > 0 {
		row.Cells = make([]Cell, 0, len(gr.Cells))
	}
	for _, c := range gr.Cells {
		row.Cells = append(row.Cells, Cell{Column: c.First, Raw: c.Text, Number: c.Num,
			Source: Source{File: r.g.ctx.file, Line: c.Pos.Line, ColStart: c.Pos.Col, ColEnd: c.Pos.EndCol}})
	}
	// The grid's figures are the row's now; nothing reads a row above
	// again, so a long table's grid cells go as its rows are made.
	r.rows[i].Cells = nil
	t.Rows = append(t.Rows, row)
	r.lastData, r.afterRule, r.weakRule = true, false, false
}

func lowerFirst(s string) string {
	if grid.IsAllCaps(s) {
		return strings.ToLower(s)
	}
	for i, c := range s {
		return string(unicode.ToLower(c)) + s[i+len(string(c)):]
	}
	return s
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

package model

import (
	"hash/maphash"
	"sort"

	"finexport/extract"
	"finexport/templates"

	"github.com/shopspring/decimal"
)

// Plan is how the statements are shown, for the workbook and the PDF
// alike: the statements in order, each with its lines (the items the
// company reports, in the order of the chart of accounts, and the rows no
// synonym maps, where the filing put them), which lines are totals, and
// the margins. Rows of tables that are no statement are kept apart.
type Plan struct {
	Sections []Section
	Margins  []*templates.Metric // the comparison metrics, in template order
	Other    []*Line             // rows of other tables, in order of appearance
}

// Section is one statement of the plan.
type Section struct {
	Statement extract.Statement
	Title     string // "Income statement", "Balance sheet", "Cash flows"
	Lines     []*Line
}

// Line is one row of a statement: a canonical item, or a row no synonym
// maps, under its reported label.
type Line struct {
	Item      *templates.Item // nil for an unmapped row
	Label     string          // the item's name, or the reported label
	Unit      string
	Statement extract.Statement
	// Stock is a balance at an instant, shown in a balance-sheet column.
	Stock bool
	// Total is a total or subtotal of lines shown above it: drawn bold,
	// with a rule. An unmapped row is never a total: nothing says what
	// it adds up.
	Total bool
	facts []*Fact // an unmapped row's facts, a period each, the first made first
}

// at is where an unmapped row was first stated.
func (l *Line) at() extract.Source { return l.facts[0].Reported[0].Source }

// statementTitles are the statements of a plan, in order.
var statementTitles = []struct {
	id    extract.Statement
	title string
}{{extract.Income, "Income statement"}, {extract.Balance, "Balance sheet"}, {extract.CashFlow, "Cash flows"}}

// Plan returns the company's statement plan. It is made on first use:
// only the renderers read it, and a run that checks without rendering
// never holds its lines (one for each unmapped row of every table).
func (c *Company) Plan() *Plan {
	if c.planned != nil { // nil in a Company that Build did not make
		c.planned.Do(c.planStatements)
	}
	return c.plan
}

// LineOf returns the plan line a fact stands on.
func (c *Company) LineOf(f *Fact) *Line {
	c.Plan()
	return f.line
}

// LineFact returns a line's fact in a period, or nil.
func (c *Company) LineFact(l *Line, period string) *Fact {
	if l.Item != nil {
		return c.Fact(l.Item.ID, period)
	}
	c.Plan()
	for _, f := range l.facts {
		if f.Period.Name == period {
			return f
		}
	}
	return nil
}

// EPSItem is the earnings-per-share item a headline shows for a period:
// diluted when reported, basic otherwise.
func (c *Company) EPSItem(period string) string {
	if c.Fact("eps_diluted", period) == nil && c.Fact("eps_basic", period) != nil {
		return "eps_basic"
	}
	return "eps_diluted"
}

// HasDerived reports whether any figure of a period was derived.
func (c *Company) HasDerived(period string) bool {
	for _, f := range c.FactsIn(period) {
		if f.Derived != nil {
			return true
		}
	}
	return false
}

// planStatements builds the plan from the timeline.
func (c *Company) planStatements() {
	c.plan = &Plan{}
	items, unmapped := c.itemLines(), c.unmappedLines()
	rows := c.mappedRows()
	for _, st := range statementTitles {
		lines := placeUnmapped(items[st.id], unmapped[st.id], rows)
		if len(lines) > 0 {
			c.plan.Sections = append(c.plan.Sections, Section{Statement: st.id, Title: st.title, Lines: lines})
		}
	}
	c.plan.Other = unmapped[extract.Other]
	for i := range c.set.Metrics {
		if m := &c.set.Metrics[i]; m.Group == "comparison" {
			c.plan.Margins = append(c.plan.Margins, m)
		}
	}
	c.markTotals()
}

// itemLines lists the items the company reports by statement, in the
// order of the chart of accounts.
func (c *Company) itemLines() map[extract.Statement][]*Line {
	byItem := map[string]*Line{}
	for _, f := range c.Facts {
		if f.Item != "" && byItem[f.Item] == nil {
			if it, ok := c.set.Item(f.Item); ok {
				byItem[f.Item] = &Line{Item: it, Label: it.Name, Unit: it.Unit, Statement: extract.Statement(it.Statement), Stock: it.Kind == templates.KindStock}
			}
		}
		if l := byItem[f.Item]; l != nil {
			f.line = l
		}
	}
	out := map[extract.Statement][]*Line{}
	for i := range c.set.Items {
		if l := byItem[c.set.Items[i].ID]; l != nil {
			out[l.Statement] = append(out[l.Statement], l)
		}
	}
	return out
}

// unmappedLines gives every unmapped fact its line, one line per statement,
// label and unit; a label a period holds twice (two tables' "Total") gets
// a second line, so that no two facts of a period share one.
func (c *Company) unmappedLines() map[extract.Statement][]*Line {
	// The lines of one label: a period's first fact of it takes the
	// first, its second the second, and so on (counted afresh in each
	// period). Labels are found by a hash of their folded text, never
	// held folded: a long table's labels would be held twice.
	type labelKey struct {
		st   extract.Statement
		unit string
		sum  uint64 // of the folded label
	}
	type labelLines struct {
		label  string // as first reported
		lines  []*Line
		period int         // the period counted in, 1-based
		n      int         // facts of the label in that period so far
		next   *labelLines // another label with the same key
	}
	seed := maphash.MakeSeed()
	out := map[extract.Statement][]*Line{}
	byLabel := map[labelKey]*labelLines{}
	for i, p := range c.Periods {
		for _, f := range c.FactsIn(p.Name) {
			if f.Item != "" {
				continue
			}
			st := f.Statement
			if st != extract.Income && st != extract.Balance && st != extract.CashFlow {
				st = extract.Other
			}
			folded := templates.NormalizeLabel(f.Label)
			key := labelKey{st: st, unit: string(f.Unit), sum: maphash.String(seed, folded)}
			g := byLabel[key]
			for g != nil && g.label != f.Label && templates.NormalizeLabel(g.label) != folded {
				g = g.next
			}
			if g == nil {
				g = &labelLines{label: f.Label, next: byLabel[key]}
				byLabel[key] = g
			}
			if g.period != i+1 {
				g.period, g.n = i+1, 0
			}
			if g.n == len(g.lines) {
				l := &Line{Label: f.Label, Unit: string(f.Unit), Statement: st, Stock: f.Period.Kind == Instant}
				g.lines = append(g.lines, l)
				out[st] = append(out[st], l)
			}
			l := g.lines[g.n]
			g.n++
			f.line = l
			l.facts = append(l.facts, f)
		}
	}
	return out
}

// placeUnmapped puts each unmapped row of a statement after the mapped row
// that precedes it in its filing (before the first mapped row when none
// does), so that a current portion of debt stays among the current
// liabilities and a restructuring charge among the operating expenses.
func placeUnmapped(items, unmapped []*Line, rows map[string][]rowAt) []*Line {
	before, after := map[*Line][]*Line{}, map[*Line][]*Line{}
	var rest []*Line
	for _, u := range unmapped {
		anchor, isAfter := neighbour(u, rows[docKey(u.at().File, u.Statement)])
		switch {
		case anchor == nil:
			rest = append(rest, u)
		case isAfter:
			after[anchor] = append(after[anchor], u)
		default:
			before[anchor] = append(before[anchor], u)
		}
	}
	var out []*Line
	for _, it := range items {
		out = append(out, inFilingOrder(before[it])...)
		out = append(out, it)
		out = append(out, inFilingOrder(after[it])...)
	}
	return append(out, inFilingOrder(rest)...)
}

// rowAt is a mapped row of a document: its line and its plan line.
type rowAt struct {
	at   int
	line *Line
}

func docKey(file string, st extract.Statement) string { return file + "\x00" + string(st) }

// mappedRows indexes where the statement's mapped rows stand, by document
// and statement, in line order.
func (c *Company) mappedRows() map[string][]rowAt {
	out := map[string][]rowAt{}
	for _, f := range c.Facts {
		l := f.line
		if f.Item == "" || l == nil || l.Statement != f.Statement {
			continue
		}
		for _, r := range f.Reported {
			k := docKey(r.Source.File, f.Statement)
			out[k] = append(out[k], rowAt{r.Source.Line, l})
		}
	}
	for _, rows := range out {
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].at < rows[j].at })
	}
	return out
}

// neighbour finds the mapped row nearest above an unmapped one in its
// document (to stand after), or else nearest below (to stand before).
func neighbour(u *Line, rows []rowAt) (*Line, bool) {
	i := sort.Search(len(rows), func(i int) bool { return rows[i].at >= u.at().Line })
	if i > 0 {
		return rows[i-1].line, true
	}
	for ; i < len(rows); i++ {
		if rows[i].at > u.at().Line {
			return rows[i].line, false
		}
	}
	return nil, false
}

// inFilingOrder sorts unmapped lines by where they were first stated.
func inFilingOrder(lines []*Line) []*Line {
	sort.SliceStable(lines, func(i, j int) bool {
		a, b := lines[i].at(), lines[j].at()
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return lines
}

// markTotals marks the lines another shown line adds up into, directly or
// through totals the company does not report (other income adds up into
// net income when no pre-tax income is shown): a line is bold only when
// its parts stand in the plan too.
func (c *Company) markTotals() {
	for _, s := range c.plan.Sections {
		shown := map[string]*Line{}
		for _, l := range s.Lines {
			if l.Item != nil {
				shown[l.Item.ID] = l
			}
		}
		for _, l := range s.Lines {
			if l.Item == nil {
				continue
			}
			for up, hops := l.Item.Total, 0; up != "" && hops < len(c.set.Items); hops++ {
				if t := shown[up]; t != nil {
					t.Total = true
					break
				}
				it, ok := c.set.Item(up)
				if !ok {
					break
				}
				up = it.Total
			}
		}
	}
}

// statementMoney lists the money figures of the statements' canonical
// lines: they set the display scale. A row no synonym maps does not (it
// may be a page number in a table of contents that reads like a
// statement), nor a figure of another table (whose scale may be unstated).
func (c *Company) statementMoney() []decimal.Decimal {
	var out []decimal.Decimal
	for _, f := range c.Facts {
		if f.Item != "" && f.Unit == extract.USD && f.Statement != extract.Other {
			out = append(out, f.Value)
		}
	}
	return out
}

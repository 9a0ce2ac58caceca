package extract

import (
	"finexport/extract/grid"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Unit is the unit of a figure.
type Unit string

// Units of figures.
const (
	USD      Unit = "USD"
	PerShare Unit = "USD/share"
	Shares   Unit = "shares"
	Percent  Unit = "percent"
	Pure     Unit = "pure"
)

// Statement says which statement a table or fact belongs to.
type Statement string

// Statements.
const (
	Income    Statement = "income"
	Balance   Statement = "balance"
	CashFlow  Statement = "cashflow"
	Other     Statement = "other"
	Narrative Statement = "narrative"
)

// Period is a duration (Months > 0: Start..End inclusive) or an instant
// (Months == 0: the balance at End). Weeks is set when the source counted
// weeks (52/53-week years); Months is then the nearest month count.
type Period struct {
	Start  time.Time
	End    time.Time
	Months int
	Weeks  int
}

// IsInstant reports whether the period is a point in time.
func (p Period) IsInstant() bool { return p.Months == 0 }

// IsZero reports whether no period is set.
func (p Period) IsZero() bool { return p.End.IsZero() }

// Key identifies the period: equal keys are the same period.
func (p Period) Key() string {
	if p.IsZero() {
		return ""
	}
	var buf [32]byte // "D2003-01-01..2003-12-31": one string made, nothing else
	if p.IsInstant() {
		return string(p.End.AppendFormat(append(buf[:0], 'I'), isoDate))
	}
	k := p.Start.AppendFormat(append(buf[:0], 'D'), isoDate)
	return string(p.End.AppendFormat(append(k, ".."...), isoDate))
}

func (p Period) String() string {
	switch {
	case p.IsZero():
		return "no period"
	case p.IsInstant():
		return "at " + p.End.Format(isoDate)
	case p.Weeks > 0:
		return fmt.Sprintf("%d weeks to %s", p.Weeks, p.End.Format(isoDate))
	}
	return fmt.Sprintf("%d months to %s", p.Months, p.End.Format(isoDate))
}

const isoDate = "2006-01-02"

// Source is where a figure stands: file, 1-based line, and the 1-based
// column span [ColStart, ColEnd] of its text on that line.
type Source struct {
	File     string
	Line     int
	ColStart int
	ColEnd   int
}

func (s Source) String() string { return fmt.Sprintf("%s:%d", s.File, s.Line) }

// Filing is everything extracted from one release document.
type Filing struct {
	File        string // the name it was read under
	SHA256      string // of the raw bytes
	Header      SECHeader
	Company     string
	Ticker      string
	Exchange    string
	ReleaseDate time.Time // zero when none was found
	Dateline    string    // "Rancho Cordova, California (February 13, 2004)"
	Titles      []string  // the headline of each release read
	// Calendar is the fiscal calendar the filing states or implies; its
	// YearEnd is zero when the filing does not say.
	Calendar    Calendar
	Tables      []*Table
	Facts       []Fact
	Checks      []Check
	Diagnostics []Diagnostic

	// StatedYearEnd is the fiscal year end (month and day) the filing
	// itself states or implies, whatever the parser was told: its SEC
	// header, "year ended June 30", a 12-month column. Zero when it does
	// not say.
	StatedYearEnd time.Time
}

// Table is one statement or other table, with its grid resolved.
type Table struct {
	Index     int
	Kind      Statement
	Title     []string
	StartLine int
	EndLine   int
	Scale     decimal.Decimal // 1, 1000, 1000000
	// ScaleShares is false when the scale note excepts share counts
	// ("in thousands, except share and per share data").
	ScaleShares bool
	// ShareScale is the scale of share counts when the note gives them
	// one of their own ("except per share data; shares in thousands");
	// zero otherwise.
	ShareScale decimal.Decimal
	// Currency is the unit of the table's money: USD unless a scale note
	// names another currency.
	Currency Unit
	Columns  []Column
	Sections []Section
	Rows     []Row
	Notes    []string // text lines that are neither rows nor headings
	// periodHint is the period words stated above the columns but not over
	// them ("Three years ended December 31, 1994").
	periodHint string
	hintDates  []time.Time // the dates written out in periodHint, in order
	hintSpans  []Period    // the periods periodHint names from one date to another
}

// Column is one numeric column of a table.
type Column struct {
	Header string // the header words over it, top to bottom
	Period Period // zero when the column names no period (% change, unresolved)
	Change bool   // a change or % change column
}

// Section is a heading that groups rows ("Current assets:", "ASSETS").
type Section struct {
	Title  string
	Line   int
	Indent int
	Parent int // index into Table.Sections, -1 for top level
}

// TotalKind says whether a row is a subtotal or a total.
type TotalKind string

// Total kinds.
const (
	NotTotal TotalKind = ""
	Subtotal TotalKind = "subtotal"
	Total    TotalKind = "total"
)

// Row is one table row with its figures.
type Row struct {
	Line          int // the line the figures stand on
	FirstLine     int // the first line of a wrapped label
	Label         string
	LabelInferred bool // an unlabelled total, named from its section
	Section       int  // index into Table.Sections, -1 for none
	Closes        int  // the section this total closes, -1 for none
	Depth         int
	Indent        int
	Total         TotalKind
	Items         []string // canonical ids; empty when unmapped
	SignFlipped   bool     // a "loss" row printed positive, made negative
	// NotReported marks a row under a heading that names non-GAAP, pro
	// forma or adjusted figures ("Non-GAAP - Continuing Operations" in a
	// highlights table): kept under its label, never a period's reported
	// figure.
	NotReported bool
	Unit        Unit
	Cells       []Cell
	// heading is the text line just above a run of rows that is no
	// section ("Earnings Per Common Share" over "Basic" and "Diluted"): it
	// tells their unit.
	heading string
	// after is the heading of the rows a subtotal adds up when it stands
	// under their rule at the heading's own indent ("Net Income" under the
	// rows of "BASIC EARNINGS PER SHARE:"): it tells the subtotal's unit.
	after string
}

// Member returns the section the row adds into: a total belongs to the
// section around the one it closes.
func (r *Row) Member(t *Table) int {
	if r.Closes >= 0 {
		return t.Sections[r.Closes].Parent
	}
	return r.Section
}

// PartsOf returns the rows that a total adds up, as the table lays them
// out: the rows of the section it closes; or, in a table without
// headings, the rows above it back to the previous total, a "Total ..."
// subtotal included and a double-ruled total or an unlabelled-as-total
// subtotal (such as Gross profit) excluded.
func (t *Table) PartsOf(total *Row) []*Row {
	var out []*Row
	if total.Closes >= 0 {
		closed := t.closedSections()
		from, to := t.siblingTotals(total)
		parent := t.Sections[total.Closes].Parent
		for i := range t.Rows {
			p := &t.Rows[i]
			if p != total && (t.addsInto(p.Member(t), total.Closes, closed) || i >= from && i < to && p.Member(t) == parent) {
				out = append(out, p)
			}
		}
		return withoutSubtotalParts(t, out)
	}
	if total.Total == NotTotal {
		return nil
	}
	// A grand total (Total assets, Total liabilities and equity) goes on
	// past a section's total, over the section's rows, and past a running
	// subtotal, over the rows its figures add up, to the grand total above.
	grand := total.Total == Total
	at := t.rowIndex(total)
	for i := at - 1; i >= 0; i-- {
		p := &t.Rows[i]
		running := p.Total == Subtotal && !p.IsLabelledTotal()
		var run []*Row
		if grand && running {
			run = t.addedRun(p, nil)
		}
		if p.Total == Total || running && run == nil || p.heading != t.Rows[at-1].heading {
			break // a grand total, a running subtotal, or a heading's group above
		}
		out = append([]*Row{p}, out...)
		switch {
		case run != nil:
			i = t.rowIndex(run[0])
		case !p.IsLabelledTotal():
		case !grand || p.Closes < 0:
			return out
		default:
			for i > 0 && t.within(t.Rows[i-1].Section, p.Closes) {
				i--
			}
		}
	}
	return out
}

// siblingTotals returns the rows [from, to) holding the totals of the
// sections that a broader total adds up besides the one it closes: "Total
// liabilities" under the rows of "Long-term liabilities:" also adds "Total
// current liabilities" of the section above, and the lines of no section
// between them. The sections must be named by the same noun ("...
// liabilities") and follow one another; the range is empty (from == to)
// when the total is no broader than its section.
func (t *Table) siblingTotals(total *Row) (int, int) {
	name := totalName(total.Label)
	title := sectionName(t.Sections[total.Closes].Title)
	if name == "" || !strings.HasSuffix(title, " "+name) {
		return 0, 0
	}
	to := -1
	for i := range t.Rows {
		if t.within(t.Rows[i].Section, total.Closes) {
			to = i // the closed section's first row
			break
		}
	}
	parent := t.Sections[total.Closes].Parent
	from, sibling := to, -1
	for j := to - 1; j >= 0; j-- {
		r := &t.Rows[j]
		switch {
		case r.Closes >= 0 && t.Sections[r.Closes].Parent == parent &&
			strings.HasSuffix(sectionName(t.Sections[r.Closes].Title), " "+name):
			from, sibling = j, r.Closes // "Total current liabilities"
		case sibling >= 0 && t.within(r.Section, sibling):
			// a row of that section, counted in its total
		case r.Section == parent && r.Closes < 0 && r.Total == NotTotal:
			// a line of no section ("Long-term debt"), added if a sibling's
			// total stands above it
		default:
			return from, to
		}
	}
	return from, to
}

// totalName is what a "Total ..." label names: "liabilities" for "Total
// liabilities"; "" for a label that is no total.
func totalName(label string) string {
	l := strings.ToLower(strings.TrimSpace(label))
	if !strings.HasPrefix(l, "total") {
		return ""
	}
	return ampersandAsAnd(strings.TrimSpace(strings.TrimPrefix(l, "total")))
}

// sectionName is a heading as a total would name it: lower case, without
// its colon.
func sectionName(title string) string {
	return ampersandAsAnd(strings.ToLower(strings.TrimSuffix(strings.TrimSpace(title), ":")))
}

// within reports whether section s is section outer or nested in it.
func (t *Table) within(s, outer int) bool {
	for ; s >= 0; s = t.Sections[s].Parent {
		if s == outer {
			return true
		}
	}
	return false
}

// closedSections marks the sections that a row totals.
func (t *Table) closedSections() map[int]bool {
	closed := map[int]bool{}
	for _, r := range t.Rows {
		if r.Closes >= 0 {
			closed[r.Closes] = true
		}
	}
	return closed
}

// addsInto reports whether rows of section s add into the total of
// section target: s is target, or a heading nested in it that no row of
// its own totals ("Special charges:" over three lines, counted in Total
// operating expenses).
func (t *Table) addsInto(s, target int, closed map[int]bool) bool {
	for s >= 0 {
		if s == target {
			return true
		}
		if closed[s] {
			return false // its own total stands for it
		}
		s = t.Sections[s].Parent
	}
	return false
}

// withoutSubtotalParts drops from a total's parts the rows that an
// intermediate subtotal among them already adds up (as 19,632 and 9,347
// under the unlabelled 10,285 of net property), so that none is counted
// twice. Which rows a subtotal adds is read from its figures: the
// shortest run of two or more rows right above it that adds up to it in
// every column, added or, under a first line, subtracted as printed
// positive ("Less accumulated depreciation"). A rule over every line
// makes each line a "subtotal" of the lines above it; such a line adds up
// nothing and drops nothing. A total broader than its section drops the
// sibling totals it adds (see siblingTotals).
func withoutSubtotalParts(t *Table, parts []*Row) []*Row {
	in := rowSet(parts)
	drop := map[*Row]bool{}
	for _, p := range parts {
		for _, q := range t.addedRun(p, in) {
			drop[q] = true
		}
		if p.Closes < 0 {
			continue
		}
		// "Total current liabilities" is counted in "Total liabilities"
		// already, when both add into the liabilities and equity.
		if from, to := t.siblingTotals(p); from < to {
			for i := from; i < to; i++ {
				if q := &t.Rows[i]; in[q] {
					drop[q] = true
				}
			}
		}
	}
	if len(drop) == 0 {
		return parts
	}
	var out []*Row
	for _, p := range parts {
		if !drop[p] {
			out = append(out, p)
		}
	}
	return out
}

// addedRun returns the rows (all in the set, when one is given) that a
// running subtotal, one closing no section, adds up by its figures: the
// shortest run of two or more rows right above it that makes its figure.
// Nil when none.
func (t *Table) addedRun(sub *Row, in map[*Row]bool) []*Row {
	if sub.Total == NotTotal || sub.Closes >= 0 {
		return nil
	}
	walk := t.PartsOf(sub)
	for k := 2; k <= len(walk); k++ {
		if run := walk[len(walk)-k:]; (in == nil || allIn(run, in)) && addsUpTo(sub, run) {
			return run
		}
	}
	return nil
}

// addsUpTo reports whether the rows add up to the total in every column
// the total has a figure in, within the rounding of the printed digits:
// all added, or the first less the others.
func addsUpTo(total *Row, rows []*Row) bool {
	added, less := true, true
	for _, c := range total.Cells {
		var sum, net, tol decimal.Decimal
		for i, r := range rows {
			v, ok := r.cellIn(c.Column)
			if !ok {
				return false
			}
			sum = sum.Add(v.Value)
			if i == 0 {
				net = v.Value
			} else {
				net = net.Sub(v.Value)
			}
			tol = tol.Add(v.Resolution)
		}
		tol = tol.Add(c.Resolution).Mul(decimal.New(5, -1))
		added = added && c.Value.Sub(sum).Abs().LessThanOrEqual(tol)
		less = less && c.Value.Sub(net).Abs().LessThanOrEqual(tol)
	}
	return len(total.Cells) > 0 && (added || less)
}

func (r *Row) cellIn(col int) (Cell, bool) {
	for _, c := range r.Cells {
		if c.Column == col {
			return c, true
		}
	}
	return Cell{}, false
}

func rowSet(rows []*Row) map[*Row]bool {
	in := make(map[*Row]bool, len(rows))
	for _, r := range rows {
		in[r] = true
	}
	return in
}

func allIn(rows []*Row, in map[*Row]bool) bool {
	for _, r := range rows {
		if !in[r] {
			return false
		}
	}
	return true
}

func (t *Table) rowIndex(r *Row) int {
	for i := range t.Rows {
		if &t.Rows[i] == r {
			return i
		}
	}
	return -1
}

// IsLabelledTotal reports a row labelled "Total ..." (or inferred so).
func (r *Row) IsLabelledTotal() bool {
	return r.LabelInferred || hasPrefixLower(r.Label, "total")
}

// Cell is one figure of a row.
type Cell struct {
	Column int
	Raw    string
	Number grid.Number
	Value  decimal.Decimal // scaled, sign applied, in full units
	// Resolution is one unit of the last printed digit, in full units:
	// half of it is the rounding tolerance.
	Resolution decimal.Decimal
	Source     Source
}

// Fact is one figure with everything needed to use it on its own.
type Fact struct {
	Document  string
	Company   string
	Statement Statement
	Item      string // canonical id, "" when unmapped
	Label     string // as reported
	Period    Period
	Value     decimal.Decimal
	Unit      Unit
	// Resolution is one unit of the last printed digit, in full units.
	Resolution decimal.Decimal
	Source     Source
	Table      int // index into Filing.Tables, -1 for prose
	Row        int
	Sentence   string // prose facts: the sentence it stands in
}

// Severity grades a diagnostic.
type Severity string

// Severities.
const (
	Note    Severity = "note"
	Warning Severity = "warning"
	Fatal   Severity = "error"
)

// Diagnostic is a problem found in a document, at a line.
type Diagnostic struct {
	File     string
	Line     int
	Severity Severity
	Msg      string
	Text     string // the source line, for context
}

// Error prints the diagnostic as go/scanner prints a position and its
// error: "file:line: severity: message", without the parts it lacks.
func (d Diagnostic) Error() string {
	switch {
	case d.File == "":
		return fmt.Sprintf("%s: %s", d.Severity, d.Msg)
	case d.Line > 0:
		return fmt.Sprintf("%s:%d: %s: %s", d.File, d.Line, d.Severity, d.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", d.File, d.Severity, d.Msg)
}

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
	if p.IsInstant() {
		return "I" + p.End.Format(isoDate)
	}
	return fmt.Sprintf("D%s..%s", p.Start.Format(isoDate), p.End.Format(isoDate))
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
	// FiscalYearEnd is the inferred fiscal year end (month and day in a
	// zero-year time), or zero when the release does not say.
	FiscalYearEnd time.Time
	Tables        []*Table
	Facts         []Fact
	Checks        []Check
	Diagnostics   []Diagnostic
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
	// shareScale is the scale the note's exception gives share counts
	// ("in millions, except share data in thousands"); zero when none.
	shareScale decimal.Decimal
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
	Unit          Unit
	Cells         []Cell
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
		for i := range t.Rows {
			p := &t.Rows[i]
			if p != total && p.Member(t) == total.Closes {
				out = append(out, p)
			}
		}
		return out
	}
	if total.Total == NotTotal {
		return nil
	}
	at := t.rowIndex(total)
	for i := at - 1; i >= 0; i-- {
		p := &t.Rows[i]
		if p.Total == Total || p.Total == Subtotal && !p.IsLabelledTotal() || p.heading != t.Rows[at-1].heading {
			break // a grand total, a running subtotal, or a heading's group above
		}
		out = append([]*Row{p}, out...)
		if p.IsLabelledTotal() {
			break
		}
	}
	return out
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
	return r.LabelInferred || strings.HasPrefix(strings.ToLower(r.Label), "total")
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

func (d Diagnostic) Error() string {
	if d.Line > 0 {
		return fmt.Sprintf("%s:%d: %s: %s", d.File, d.Line, d.Severity, d.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", d.File, d.Severity, d.Msg)
}

package extract

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"finexport/templates"
)

// buildFacts flattens the tables into facts (see eachFact), sized once: a
// table of 100,000 rows makes no copies.
func buildFacts(f *Filing, set *templates.Set, prose []Fact, drop bool) []Fact {
	n := len(prose)
	for _, t := range f.Tables {
		for _, r := range t.Rows {
			n += len(r.Cells) * max(1, len(r.Items))
		}
	}
	out := make([]Fact, 0, n)
	eachFact(f, set, prose, drop, func(x []Fact) { out = append(out, x...) })
	return out
}

// eachFact flattens the tables into facts, handed to use a row's at a
// time in a reused slice: one a figure and item, so a combined "Basic and
// diluted" row gives two, and an unmapped row one with no item. Nothing in
// a table is left out. A balance-sheet line in a table that is not a
// statement (selected data, a note) under a column of a year is the
// balance at the year's end, not a flow over it. The prose facts follow
// the tables', as the filing's company names them all (its name may have
// come after the prose was read). With drop, each row's cells go as soon
// as its facts are made, and each table's rows after its last.
func eachFact(f *Filing, set *templates.Set, prose []Fact, drop bool, use func([]Fact)) {
	var buf []Fact
	for ti, t := range f.Tables {
		for ri := range t.Rows {
			r := &t.Rows[ri]
			buf = rowFacts(buf[:0], f, set, ti, ri)
			use(buf)
			if drop {
				r.Cells = nil
			}
		}
		if drop {
			t.Rows, t.Sections = nil, nil
		}
	}
	for i := range prose {
		prose[i].Company = f.Company
	}
	use(prose)
}

// rowFacts appends the facts of row ri of table ti to out.
func rowFacts(out []Fact, f *Filing, set *templates.Set, ti, ri int) []Fact {
	t := f.Tables[ti]
	r := &t.Rows[ri]
	for _, c := range r.Cells {
		col := t.Columns[c.Column]
		if r.NotReported {
			col.Period = Period{} // a non-GAAP or pro forma line: no period's reported figure
		}
		fact := Fact{
			Document: f.File, Company: f.Company, Statement: t.Kind, Label: r.Label,
			Period: col.Period, Value: c.Value, Unit: r.Unit, Resolution: c.Resolution,
			Source: c.Source, Table: ti, Row: ri,
		}
		if col.Change {
			fact.Label = r.Label + " (" + col.Header + ")"
			if c.Number.Percent || strings.Contains(col.Header, "%") {
				fact.Unit = Percent
			}
			out = append(out, fact)
			continue
		}
		if c.Number.Percent && r.Unit != Percent {
			// A margin printed in % in a row of amounts: the
			// line's percentage, not its item.
			fact.Unit, fact.Label = Percent, r.Label+" (%)"
			out = append(out, fact)
			continue
		}
		if len(r.Items) == 0 {
			out = append(out, fact)
		}
		if flowAtInstant(set, r.Items, col.Period) {
			fact.Period = Period{} // its label only: no item's figure, of no known period (warnFlowsAtInstants)
			out = append(out, fact)
			continue
		}
		for _, id := range r.Items {
			fact.Item = id
			fact.Period = col.Period
			if it, ok := set.Item(id); ok && it.Statement == string(Balance) && !col.Period.IsInstant() {
				fact.Period = Period{End: col.Period.End}
			}
			out = append(out, fact)
		}
	}
	return out
}

// FactsHeader is the header row of the facts CSV.
var FactsHeader = []string{"document", "company", "statement", "item", "label", "period_start", "period_end", "months", "value", "unit", "line"}

// WriteFactsCSV writes facts as RFC 4180 CSV with FactsHeader first. Text
// cells that a spreadsheet would read as a formula are escaped with a
// leading apostrophe; numbers stay numbers.
func WriteFactsCSV(w io.Writer, facts []Fact) error {
	fw, err := NewFactsWriter(w)
	if err != nil {
		return err
	}
	if err := fw.Write(facts); err != nil {
		return err
	}
	return fw.Flush()
}

// FactsWriter writes facts as CSV a batch at a time (a release at a time),
// so that a run over many releases holds one of them, not all.
type FactsWriter struct{ cw *csv.Writer }

// NewFactsWriter starts the CSV with its header row.
func NewFactsWriter(w io.Writer) (*FactsWriter, error) {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &FactsWriter{cw}, cw.Write(FactsHeader)
}

// Flush writes out what is buffered.
func (fw *FactsWriter) Flush() error {
	fw.cw.Flush()
	return fw.cw.Error()
}

// Write writes facts as rows.
func (fw *FactsWriter) Write(facts []Fact) error {
	cw := fw.cw
	for _, f := range facts {
		start, end, months := "", "", ""
		if !f.Period.IsZero() {
			end = f.Period.End.Format(isoDate)
			if !f.Period.IsInstant() {
				start = f.Period.Start.Format(isoDate)
				months = strconv.Itoa(f.Period.Months)
			}
		}
		rec := []string{
			EscapeCell(f.Document), EscapeCell(f.Company), string(f.Statement), f.Item, EscapeCell(f.Label),
			start, end, months, f.Value.String(), string(f.Unit), strconv.Itoa(f.Source.Line),
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	return nil
}

// EscapeCell guards a text cell against formula injection: a cell starting
// with =, +, -, @, tab or CR gets a leading apostrophe.
func EscapeCell(s string) string {
	if s != "" && strings.ContainsAny(s[:1], "=+-@\t\r") {
		return "'" + s
	}
	return s
}

// flowAtInstant reports a line of amounts over a period (revenue, net
// income, shares outstanding on average) under a column that names only a
// date: an outlook "for the fiscal year ending September 30, 2026", a
// statement of equity's "Net loss" at a balance date. Which period such a
// figure covers is not known, so it keeps its label, with no item and no
// period (its date would make a balance-sheet date of it).
func flowAtInstant(set *templates.Set, items []string, p Period) bool {
	if p.IsZero() || !p.IsInstant() {
		return false
	}
	for _, id := range items {
		if it, ok := set.Item(id); ok && it.Kind != templates.KindStock {
			return true
		}
	}
	return false
}

// warnFlowsAtInstants says once per table that its figures of a period
// under a date alone keep their labels, with no item and no period (see
// flowAtInstant).
func (ctx *docContext) warnFlowsAtInstants(tables []*Table) {
	for _, t := range tables {
	rows:
		for _, r := range t.Rows {
			for _, c := range r.Cells {
				if !r.NotReported && flowAtInstant(ctx.set, r.Items, t.Columns[c.Column].Period) {
					ctx.warn(t.StartLine, "a line of a period's amounts ("+r.Label+") stands under a column that names only a date: which period it covers is not known, so its figures keep their labels, with no item and no period")
					break rows
				}
			}
		}
	}
}

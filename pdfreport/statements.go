package pdfreport

import (
	"fmt"

	"finexport/extract/model"
	"finexport/templates"
)

// maxOtherRows is how many unmapped rows a statement in the PDF shows: the
// PDF is a summary; the workbook holds them all.
const maxOtherRows = 40

// statements prints the income statement for the quarters and for the
// year-to-date periods, and the balance sheets: the workbook's rows,
// labels and number formats.
func (r *report) statements() {
	r.section("Statements", true)
	r.note("Rows, labels and number formats as in the workbook. * marks a derived quarter, computed from other periods.")
	r.pdf.Ln(1)
	var ytd []model.FiscalPeriod
	for i := len(r.c.Periods) - 1; i >= 0; i-- {
		switch p := r.c.Periods[i]; p.Kind {
		case model.FirstHalf, model.NineMonths, model.FullYear, model.SecondHalf:
			ytd = append(ytd, p)
		}
	}
	flows := append(r.statementItems("income"), r.statementItems("cashflow")...)
	r.statementTable("Income statement: quarters", r.c.QuarterTrend(), flows)
	r.statementTable("Income statement: year to date and full years", ytd, flows)
	r.statementTable("Balance sheets", r.c.BalanceDates(), r.statementItems("balance"))
}

// statementTable prints items down and periods across, splitting the
// periods over several tables when they do not fit the width.
func (r *report) statementTable(title string, periods []model.FiscalPeriod, items []*templates.Item) {
	if len(periods) == 0 || len(items) == 0 {
		return
	}
	const labelW, colW, perTable = 58.0, 18.0, 7
	for start := 0; start < len(periods); start += perTable {
		part := periods[start:min(start+perTable, len(periods))]
		t := table{widths: []float64{labelW}, header: []string{""}, bold: map[int]bool{}, size: 7.5}
		for _, p := range part {
			t.widths = append(t.widths, colW)
			name := p.Name
			if r.isDerived(p) {
				name += "*"
			}
			t.header = append(t.header, name)
		}
		for _, it := range items {
			row := []string{it.Name}
			any := false
			for _, p := range part {
				cell := r.factText(it.ID, p.Name)
				any = any || cell != ""
				row = append(row, cell)
			}
			if !any {
				continue
			}
			if r.isTotal(it.ID) {
				t.bold[len(t.rows)] = true
			}
			t.rows = append(t.rows, row)
		}
		other := r.unmappedRows(part)
		t.rows = append(t.rows, other[:min(len(other), maxOtherRows)]...)
		r.heading(title, 12+float64(len(t.rows))*4.2)
		r.drawTable(t)
		if n := len(other) - maxOtherRows; n > 0 {
			r.note(fmt.Sprintf("…and %d more rows under their reported labels: every one is in the workbook and the facts CSV.", n))
		}
	}
}

func (r *report) isDerived(p model.FiscalPeriod) bool {
	for _, f := range r.c.FactsIn(p.Name) {
		if f.Derived != nil {
			return true
		}
	}
	return false
}

func (r *report) isTotal(id string) bool {
	for _, it := range r.c.Templates().Items {
		if it.Total == id {
			return true
		}
	}
	return false
}

// unmappedRows are the rows no synonym maps, under their reported labels.
func (r *report) unmappedRows(periods []model.FiscalPeriod) [][]string {
	var out [][]string
	index := map[string]int{}
	for ci, p := range periods {
		for _, f := range r.c.FactsIn(p.Name) {
			if f.Item != "" {
				continue
			}
			key := templates.NormalizeLabel(f.Label)
			i, ok := index[key]
			if !ok {
				i = len(out)
				index[key] = i
				out = append(out, make([]string, len(periods)+1))
				out[i][0] = f.Label
			}
			out[i][ci+1] = model.Display(f.Value, model.FactDisplay(string(f.Unit)))
		}
	}
	return out
}

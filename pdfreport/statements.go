package pdfreport

import (
	"fmt"

	"finexport/extract"
	"finexport/extract/model"
)

// maxOtherRows is how many rows no synonym maps a table of the PDF shows:
// the PDF is a summary; the workbook holds them all.
const maxOtherRows = 40

// statements prints the model's statement plan: the income statement and
// the cash flows for the quarters and for the year-to-date periods, the
// balance sheets, then the rows of tables that are no statement.
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
	for _, sec := range r.c.Plan().Sections {
		if sec.Statement == extract.Balance {
			r.statementTable("Balance sheets", r.c.BalanceDates(), sec.Lines)
			continue
		}
		r.statementTable(sec.Title+": quarters", r.c.QuarterTrend(), sec.Lines)
		r.statementTable(sec.Title+": year to date and full years", ytd, sec.Lines)
	}
	r.statementTable("Other tables: rows under their reported labels", r.periodsWithOther(), r.c.Plan().Other)
}

// periodsWithOther lists, oldest first, the periods holding a row of
// another table.
func (r *report) periodsWithOther() []model.FiscalPeriod {
	var out []model.FiscalPeriod
	for i := len(r.c.Periods) - 1; i >= 0; i-- {
		p := r.c.Periods[i]
		for _, l := range r.c.Plan().Other {
			if r.c.LineFact(l, p.Name) != nil {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// statementTable prints lines down and periods across, splitting the
// periods over several tables when they do not fit the width, and showing
// at most maxOtherRows rows that no synonym maps.
func (r *report) statementTable(title string, periods []model.FiscalPeriod, lines []*model.Line) {
	if len(periods) == 0 || len(lines) == 0 {
		return
	}
	labelW := r.labelWidth(lines, 7.5)
	colW := r.figureWidth(periods, lines, 7.5)
	perTable := max(1, min(7, int((r.w-labelW)/colW)))
	perTable = (len(periods) + ceilDiv(len(periods), perTable) - 1) / ceilDiv(len(periods), perTable) // balanced
	for start := 0; start < len(periods); start += perTable {
		part := periods[start:min(start+perTable, len(periods))]
		t := table{widths: []float64{labelW}, header: []string{r.c.Scale.Caption()}, bold: map[int]bool{}, size: 7.5}
		for _, p := range part {
			t.widths = append(t.widths, colW)
			name := p.Name
			if r.c.HasDerived(p.Name) {
				name += "*"
			}
			t.header = append(t.header, name)
		}
		unmapped, more := 0, 0
		for _, l := range lines {
			row, ok := r.lineRow(l, part)
			switch {
			case !ok:
				continue
			case l.Item == nil && unmapped >= maxOtherRows:
				more++
				continue
			case l.Item == nil:
				unmapped++
			}
			if l.Total {
				t.bold[len(t.rows)] = true
			}
			t.rows = append(t.rows, row)
		}
		if len(t.rows) == 0 {
			continue
		}
		r.heading(title, 12+float64(len(t.rows))*4.2)
		r.drawTable(t)
		if more > 0 {
			r.note(fmt.Sprintf("…and %d more rows under their reported labels: every one is in the workbook and the facts CSV.", more))
		}
	}
}

// labelWidth is the width of the widest label of the lines or of the
// scale caption, with its padding: at most 58 mm.
func (r *report) labelWidth(lines []*model.Line, size float64) float64 {
	r.font("B", size)
	w := r.pdf.GetStringWidth(r.c.Scale.Caption())
	eachInFont(r, lines, size, func(l *model.Line) { w = max(w, r.pdf.GetStringWidth(l.Label)) })
	return min(w+cellPadding, 58)
}

// figureWidth is the width of the widest figure or period name of the
// lines, in the font it is drawn in, with its padding: at least 18 mm.
func (r *report) figureWidth(periods []model.FiscalPeriod, lines []*model.Line, size float64) float64 {
	r.font("B", size)
	w := 18.0
	for _, p := range periods {
		w = max(w, r.pdf.GetStringWidth(p.Name+"*")+cellPadding)
	}
	eachInFont(r, lines, size, func(l *model.Line) {
		row, _ := r.lineRow(l, periods)
		for _, cell := range row[1:] {
			w = max(w, r.pdf.GetStringWidth(cell)+cellPadding)
		}
	})
	return w
}

// eachInFont calls measure for each line with the font it is drawn in
// set: the totals in bold, then the others. The font is set twice, not
// once a line: each setting is written into the page (fpdf writes it even
// when it does not change), and a long table has many lines.
func eachInFont(r *report, lines []*model.Line, size float64, measure func(*model.Line)) {
	for _, bold := range []bool{true, false} {
		r.font(map[bool]string{true: "B"}[bold], size)
		for _, l := range lines {
			if l.Total == bold {
				measure(l)
			}
		}
	}
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// lineRow is a line's label and its figure in each period; ok is false
// when no period holds one.
func (r *report) lineRow(l *model.Line, periods []model.FiscalPeriod) ([]string, bool) {
	row := []string{l.Label}
	any := false
	for _, p := range periods {
		cell := ""
		if f := r.c.LineFact(l, p.Name); f != nil {
			cell = r.c.Scale.Display(f.Value, model.FactDisplay(string(f.Unit)))
			any = true
		}
		row = append(row, cell)
	}
	return row, any
}

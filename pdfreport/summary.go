package pdfreport

import (
	"errors"
	"fmt"
	"strings"

	"finexport/extract"
	"finexport/extract/model"
	"finexport/templates"
)

// table is a grid of text drawn with cells: the first column left-aligned,
// the others right-aligned.
type table struct {
	widths []float64
	header []string
	rows   [][]string
	bold   map[int]bool // rows drawn in bold, with a rule above
	size   float64
	text   bool // every column left-aligned: a table of words, not figures
}

func (r *report) drawTable(t table) {
	pdf := r.pdf
	size := t.size
	if size == 0 {
		size = 8.5
	}
	h := size * 0.55
	r.font("B", size)
	r.fitColumns(&t)
	pdf.SetFillColor(217, 225, 242)
	for i, head := range t.header {
		if i == 0 || t.text {
			head = fit(r, head, t.widths[i])
		}
		pdf.CellFormat(t.widths[i], h+1, head, "B", 0, t.align(i), true, 0, "")
	}
	pdf.Ln(-1)
	for ri, row := range t.rows {
		style := ""
		border := ""
		if t.bold[ri] {
			style, border = "B", "T"
		}
		r.font(style, size)
		for i, cell := range row {
			b := border
			if i == 0 {
				b = ""
			}
			if i == 0 || t.text {
				cell = fit(r, cell, t.widths[i]) // a label may be cut; a figure never is
			}
			pdf.CellFormat(t.widths[i], h, cell, b, 0, t.align(i), false, 0, "")
		}
		pdf.Ln(-1)
	}
	pdf.Ln(2)
}

// cellPadding is the room a figure needs beside its text: the cell's
// margins and a gap to its neighbour.
const cellPadding = 2.0

// fitColumns widens every figure column to its widest text (measured in
// the current font, bold: the widest a cell is drawn), taking the room
// from the label column, so that no figure is ever cut.
func (r *report) fitColumns(t *table) {
	if t.text {
		return
	}
	for i := 1; i < len(t.widths); i++ {
		need := 0.0
		if i < len(t.header) {
			need = r.pdf.GetStringWidth(t.header[i]) + cellPadding
		}
		for _, row := range t.rows {
			if i < len(row) {
				need = max(need, r.pdf.GetStringWidth(row[i])+cellPadding)
			}
		}
		t.widths[i] = max(t.widths[i], need)
	}
	total := 0.0
	for _, w := range t.widths {
		total += w
	}
	if over := total - r.w; over > 0 {
		t.widths[0] = max(t.widths[0]-over, minLabelWidth)
	}
}

// minLabelWidth is the narrowest a label column gets to make room for
// figures.
const minLabelWidth = 30.0

func (t table) align(col int) string {
	if col == 0 || t.text {
		return "L"
	}
	return "R"
}

// fit shortens text that would overflow its cell.
func fit(r *report, s string, width float64) string {
	for r.pdf.GetStringWidth(s) > width-1 && len([]rune(s)) > 4 {
		rs := []rune(s)
		s = string(rs[:len(rs)-2]) + "…"
	}
	return s
}

// headline is one row of a summary table: an item or a metric, labelled
// with its name in the templates, as in the workbook.
type headline struct {
	item    string // a canonical item, or
	metric  string // a metric
	instead string // the item shown when neither period reports item
}

var headlines = []headline{
	{item: "revenue"}, {item: "gross_profit"}, {metric: "gross_margin"},
	{item: "operating_expenses", instead: "operating_income"}, {item: "net_income"}, {item: "eps_diluted"},
}

var liquidityHeadlines = []headline{
	{item: "cash"}, {metric: "working_capital"}, {metric: "current_ratio"}, {metric: "quick_ratio"},
	{metric: "cash_runway"}, {metric: "cash_runway_net_loss"},
}

// runways are the cash runway metrics, on each basis: "n/m" in one of
// them means the company was not burning cash.
var runways = []string{"cash_runway", "cash_runway_net_loss"}

// label is a headline's name in the templates.
func (r *report) label(h headline) string {
	if it, ok := r.c.Templates().Item(h.item); ok {
		return it.Name
	}
	if m, ok := r.c.Templates().Metric(h.metric); ok {
		return m.Name
	}
	return h.item + h.metric
}

// summary is page 1: who, the latest quarter and year to date against a
// year earlier, liquidity, and the checks.
func (r *report) summary() {
	c := r.c
	r.pdf.AddPage()
	r.pdf.Bookmark("Summary", 0, -1)
	r.font("B", 16)
	r.pdf.CellFormat(r.w, 9, c.Name+tickerSuffix(c), "", 1, "L", false, 0, "")
	quarters := c.QuarterTrend()
	r.font("", 9.5)
	if len(quarters) > 0 {
		q := quarters[len(quarters)-1]
		r.pdf.CellFormat(r.w, 5, "Latest period: "+q.Name+" ("+q.Period.String()+")", "", 1, "L", false, 0, "")
	}
	var dates []string
	for _, d := range c.Documents {
		if !d.ReleaseDate.IsZero() {
			dates = append(dates, d.ReleaseDate.Format("2006-01-02"))
		}
	}
	r.pdf.CellFormat(r.w, 5, "Releases: "+strings.Join(dates, ", "), "", 1, "L", false, 0, "")
	r.pdf.Ln(3)
	if cmp, ok := r.latestQuarterPair(); ok {
		r.heading(cmp.Name, 40)
		r.comparisonTable(cmp.Current, cmp.Prior)
		if cmp.YTDCurrent != nil && cmp.YTDCurrent.Name != cmp.Current.Name {
			r.heading("Year to date: "+cmp.YTDCurrent.Name+" vs "+cmp.YTDPrior.Name, 40)
			r.comparisonTable(*cmp.YTDCurrent, *cmp.YTDPrior)
		}
	} else {
		r.note("No quarter has a same-quarter comparison a year earlier in these releases.")
	}
	r.liquiditySummary()
	r.checksLine()
}

// latestQuarterPair is the newest quarter that has a prior-year quarter.
func (r *report) latestQuarterPair() (model.Comparison, bool) {
	for _, cmp := range r.c.Comparisons {
		if cmp.Kind == model.QuarterPair {
			return cmp, true
		}
	}
	return model.Comparison{}, false
}

func (r *report) comparisonTable(cur, prior model.FiscalPeriod) {
	t := table{widths: []float64{62, 30, 30, 30, 26}, header: []string{r.c.Scale.Caption(), cur.Name, prior.Name, "Change", "% change"}, bold: map[int]bool{}}
	for _, h := range headlines {
		if h.item == "eps_diluted" {
			h.item = r.c.EPSItem(cur.Name)
		}
		if h.item != "" && r.c.Fact(h.item, cur.Name) == nil && r.c.Fact(h.item, prior.Name) == nil {
			if h.instead == "" {
				continue // a line neither period reports
			}
			h.item = h.instead
			if r.c.Fact(h.item, cur.Name) == nil && r.c.Fact(h.item, prior.Name) == nil {
				continue
			}
		}
		row := []string{r.label(h)}
		if h.metric != "" {
			m, ok := r.c.Templates().Metric(h.metric)
			if !ok {
				continue // an edited set without it
			}
			row = append(row, r.metricText(h.metric, cur.Name), r.metricText(h.metric, prior.Name), r.metricChangeText(m, cur.Name, prior.Name), "")
		} else {
			item := h.item
			kind := r.itemKind(item)
			row = append(row, r.factText(item, cur.Name), r.factText(item, prior.Name))
			v, err := r.c.Change("change", item, cur.Name, prior.Name)
			p, errP := r.c.Change("pct_change", item, cur.Name, prior.Name)
			row = append(row, r.c.Scale.Shown(v, err, kind), model.Shown(p, errP, model.ShowPercent))
		}
		t.rows = append(t.rows, row)
	}
	r.drawTable(t)
}

// metricChangeText is a metric's change between two periods, with the
// templates' change metric for its unit: points for a margin.
func (r *report) metricChangeText(m *templates.Metric, current, prior string) string {
	change := r.c.Templates().ChangeFor(m.Unit)
	v, err := r.c.MetricChange(change.ID, m.ID, current, prior)
	return r.c.Scale.Shown(v, err, model.ChangeKind(change, m))
}

func (r *report) itemKind(item string) string {
	if it, ok := r.c.Templates().Item(item); ok {
		return model.FactDisplay(it.Unit)
	}
	return model.ShowMoney
}

// factText shows a fact as the workbook does, or a blank when absent.
func (r *report) factText(item, period string) string {
	f := r.c.Fact(item, period)
	if f == nil {
		return ""
	}
	return r.c.Scale.Display(f.Value, model.FactDisplay(string(f.Unit)))
}

// metricText shows a metric for a period, "n/a" or "n/m", or a blank
// when the period has none.
func (r *report) metricText(id, period string) string {
	mv, ok := r.c.Metric(id, period)
	if !ok {
		return ""
	}
	return r.c.Scale.Shown(mv.Value, mv.Err, model.DisplayFor(mv.Metric.Unit))
}

// liquiditySummary compares the latest balance-sheet date with the one
// before it.
func (r *report) liquiditySummary() {
	dates := r.c.BalanceDates()
	if len(dates) == 0 {
		return
	}
	cur := dates[len(dates)-1]
	header := []string{r.c.Scale.Caption(), cur.Name}
	var prior *model.FiscalPeriod
	if len(dates) > 1 {
		prior = &dates[len(dates)-2]
		header = append(header, prior.Name, "Change")
	}
	title := "Liquidity at " + cur.Name
	if prior != nil {
		title += " vs " + prior.Name
	}
	r.heading(title, 35)
	t := table{widths: []float64{62, 30, 30, 30}, header: header}
	for _, lr := range liquidityHeadlines {
		if row, ok := r.liquidityRow(lr, cur, prior); ok {
			t.rows = append(t.rows, row)
		}
	}
	r.drawTable(t)
	for _, id := range runways {
		if mv, ok := r.c.Metric(id, cur.Name); ok && errors.Is(mv.Err, templates.ErrNotMeaningful) {
			r.note(mv.Metric.Name + " is n/m (not meaningful): the quarter ending " + cur.Name + " was not burning cash.")
		}
	}
}

// liquidityRow is a headline at the latest date and the one before it,
// and the change between them. A metric the set lacks, or one that is
// "n/a" at both dates (a runway on the basis not used), is left out.
func (r *report) liquidityRow(lr headline, cur model.FiscalPeriod, prior *model.FiscalPeriod) ([]string, bool) {
	row := []string{r.label(lr)}
	periods := []model.FiscalPeriod{cur}
	if prior != nil {
		periods = append(periods, *prior)
	}
	if lr.item != "" {
		for _, p := range periods {
			row = append(row, r.factText(lr.item, p.Name))
		}
		if prior != nil {
			v, err := r.c.Change("change", lr.item, cur.Name, prior.Name)
			row = append(row, r.c.Scale.Shown(v, err, model.ShowMoney))
		}
		return row, true
	}
	m, ok := r.c.Templates().Metric(lr.metric)
	if !ok {
		return nil, false
	}
	shown := false
	for _, p := range periods {
		text := r.metricText(lr.metric, p.Name)
		shown = shown || text != model.NotAvailable && text != ""
		row = append(row, text)
	}
	if prior != nil {
		row = append(row, r.metricChangeText(m, cur.Name, prior.Name))
	}
	return row, shown
}

// checksLine states the checks in one line and names every failing one.
// Passing nothing is no pass: when no check ran, it says so.
func (r *report) checksLine() {
	var fail []string
	for _, ch := range r.c.Checks {
		if ch.Status != extract.Fail {
			continue
		}
		name := ch.Name
		if !ch.Period.IsZero() {
			name += " (" + r.c.Calendar.Name(ch.Period).Name + ")"
		}
		fail = append(fail, name)
	}
	pass, _, notRun := r.c.CheckCounts()
	r.heading("Checks", 15)
	r.font("B", 9.5)
	var status string
	switch {
	case len(fail) > 0:
		r.pdf.SetTextColor(170, 0, 0)
		status = fmt.Sprintf("%d of %d checks fail: %s.", len(fail), pass+len(fail), strings.Join(fail, "; "))
	case pass > 0:
		status = fmt.Sprintf("All %d checks pass: tie-outs, cross-release agreement and prose claims.", pass)
	default:
		status = "No check ran: nothing in the releases could be checked."
	}
	if notRun > 0 {
		status += fmt.Sprintf(" %d could not run; the workbook's Checks sheet gives each reason.", notRun)
	}
	r.pdf.MultiCell(r.w, 5, status, "", "L", false)
	r.pdf.SetTextColor(0, 0, 0)
}

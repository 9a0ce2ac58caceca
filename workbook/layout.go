package workbook

import (
	"sort"
	"time"

	"finexport/extract/model"
	"finexport/templates"
)

// Columns of a period sheet.
const (
	colLabel   = 1 // A
	colUnit    = 2 // B
	colMain    = 3 // C: the quarter (or other period) and the balance sheet
	colYTD     = 4 // D: the year to date, or the full year for Q4
	colSrcMain = 5
	colSrcYTD  = 6
)

// headerRow is the column-header row of period, comparison and trend
// sheets; the rows above it hold the title.
const headerRow = 4

// periodSheet is one fiscal period's sheet, named after its quarter:
// "Q4 FY2003" holds the quarter, FY2003 and the balance sheet at its end.
type periodSheet struct {
	name       string
	end        time.Time
	main       *model.FiscalPeriod // the quarter, or another span
	ytd        *model.FiscalPeriod
	balance    *model.FiscalPeriod
	unmapped   []unmappedRow
	unmappedAt map[string]int // normalised label -> index in unmapped
}

type unmappedRow struct {
	label string
	row   int
}

// rowKind says what a period-sheet row holds.
type rowKind int

const (
	rowSection rowKind = iota
	rowItem
	rowMetric
)

// layoutRow is one row of the fixed part of every period sheet: the same
// item stands on the same row of every sheet.
type layoutRow struct {
	kind   rowKind
	title  string
	item   *templates.Item
	metric *templates.Metric
	row    int
}

// layout places every figure of the model.
type layout struct {
	periods    []*periodSheet
	rows       []layoutRow
	itemRow    map[string]int
	metricRow  map[string]int
	otherRow   int               // the "Other reported rows" heading
	cell       map[string]string // fact key -> reference
	sheetOf    map[string]*periodSheet
	pairs      []model.Comparison
	pairSheets []string
	totals     map[string]bool
	quarterly  bool // a Quarterly trend sheet: there are quarters
	annual     bool // an Annual trend sheet: two full years or more
}

func factKey(item, label, period string) string {
	if item == "" {
		return "label:" + templates.NormalizeLabel(label) + "@" + period
	}
	return item + "@" + period
}

// planLayout decides the sheets, the rows and the place of every fact.
func planLayout(c *model.Company) *layout {
	l := &layout{itemRow: map[string]int{}, metricRow: map[string]int{}, cell: map[string]string{},
		sheetOf: map[string]*periodSheet{}, totals: map[string]bool{}}
	set := c.Templates()
	for _, it := range set.Items {
		if it.Total != "" {
			l.totals[it.Total] = true
		}
	}
	l.planPeriodSheets(c)
	l.planRows(c, set)
	l.placeFacts(c)
	l.planPairs(c)
	l.quarterly = len(c.QuarterTrend()) > 0
	l.annual = len(c.AnnualTrend()) >= 2
	return l
}

// sheetKey names the sheet a period belongs on: its quarter for quarters,
// year-to-date periods and the balance-sheet date that closes the
// quarter; its own name otherwise (another date in the same quarter
// among them, so that two dates never share a cell).
func sheetKey(c *model.Company, p model.FiscalPeriod) string {
	switch p.Kind {
	case model.Instant:
		if !c.ClosesQuarter(p.Name) {
			return p.Name
		}
		return c.Calendar.QuarterName(p.FY, p.Quarter)
	case model.Quarter, model.FirstHalf, model.NineMonths, model.FullYear:
		return c.Calendar.QuarterName(p.FY, p.Quarter)
	}
	return p.Name
}

func (l *layout) planPeriodSheets(c *model.Company) {
	for i := range c.Periods {
		p := &c.Periods[i]
		key := SheetName(sheetKey(c, *p))
		ps := l.sheetOf[key]
		if ps == nil {
			ps = &periodSheet{name: key}
			l.sheetOf[key] = ps
			l.periods = append(l.periods, ps)
		}
		if p.Period.End.After(ps.end) {
			ps.end = p.Period.End
		}
		switch p.Kind {
		case model.Instant:
			ps.balance = p
		case model.Quarter, model.SecondHalf, model.OtherSpan:
			ps.main = p
		default:
			ps.ytd = p
		}
	}
	sort.SliceStable(l.periods, func(i, j int) bool { return l.periods[i].end.After(l.periods[j].end) })
}

// planRows lays out the items the company reports, statement by statement
// in the order of the chart of accounts, then the margins.
func (l *layout) planRows(c *model.Company, set *templates.Set) {
	used := map[string]bool{}
	for _, f := range c.Facts {
		used[f.Item] = true
	}
	row := headerRow + 1
	for _, st := range []struct{ id, title string }{{"income", "Income statement"}, {"balance", "Balance sheet"}, {"cashflow", "Cash flows"}} {
		var items []*templates.Item
		for i := range set.Items {
			if it := &set.Items[i]; it.Statement == st.id && used[it.ID] {
				items = append(items, it)
			}
		}
		if len(items) == 0 {
			continue
		}
		l.rows = append(l.rows, layoutRow{kind: rowSection, title: st.title, row: row})
		row++
		for _, it := range items {
			l.rows = append(l.rows, layoutRow{kind: rowItem, item: it, row: row})
			l.itemRow[it.ID] = row
			row++
		}
		row++
	}
	l.rows = append(l.rows, layoutRow{kind: rowSection, title: "Margins", row: row})
	row++
	for i := range set.Metrics {
		if m := &set.Metrics[i]; m.Group == "comparison" {
			l.rows = append(l.rows, layoutRow{kind: rowMetric, metric: m, row: row})
			l.metricRow[m.ID] = row
			row++
		}
	}
	l.otherRow = row + 1
}

// columnFor returns the period-sheet column a fact of this period stands in.
func (ps *periodSheet) columnFor(p model.FiscalPeriod) int {
	if ps.ytd != nil && p.Name == ps.ytd.Name {
		return colYTD
	}
	return colMain
}

// placeFacts gives every fact its cell; unmapped rows go below the mapped
// ones on their sheet, one row per reported label.
func (l *layout) placeFacts(c *model.Company) {
	for _, f := range c.Facts {
		ps := l.sheetOf[SheetName(sheetKey(c, f.Period))]
		col := ps.columnFor(f.Period)
		row, ok := l.itemRow[f.Item]
		if f.Item == "" {
			row, ok = ps.unmappedRowFor(f.Label, l.otherRow), true
		}
		if ok {
			l.cell[factKey(f.Item, f.Label, f.Period.Name)] = ref(ps.name, col, row)
		}
	}
}

func (ps *periodSheet) unmappedRowFor(label string, start int) int {
	key := templates.NormalizeLabel(label)
	if i, ok := ps.unmappedAt[key]; ok {
		return ps.unmapped[i].row
	}
	if ps.unmappedAt == nil {
		ps.unmappedAt = map[string]int{}
	}
	row := start + 1 + len(ps.unmapped)
	ps.unmappedAt[key] = len(ps.unmapped)
	ps.unmapped = append(ps.unmapped, unmappedRow{label: label, row: row})
	return row
}

// planPairs picks the comparison sheets: each quarter pair (with its year
// to date), then any year or year-to-date pair no quarter pair covers.
func (l *layout) planPairs(c *model.Company) {
	covered := map[string]bool{}
	for _, cmp := range c.Comparisons {
		if cmp.Kind == model.QuarterPair && cmp.YTDCurrent != nil {
			covered[cmp.YTDCurrent.Name+" vs "+cmp.YTDPrior.Name] = true
		}
	}
	for _, cmp := range c.Comparisons {
		if cmp.Kind != model.QuarterPair && covered[cmp.Name] {
			continue
		}
		l.pairs = append(l.pairs, cmp)
		l.pairSheets = append(l.pairSheets, SheetName(cmp.Name))
	}
}

// sheetOrder lists every sheet in workbook order.
func (l *layout) sheetOrder() []string {
	out := []string{CoverSheet}
	for _, ps := range l.periods {
		out = append(out, ps.name)
	}
	out = append(out, l.pairSheets...)
	if l.quarterly {
		out = append(out, QuarterlySheet)
	}
	if l.annual {
		out = append(out, AnnualSheet)
	}
	return append(out, LiquiditySheet, ChecksSheet, DataSheet)
}

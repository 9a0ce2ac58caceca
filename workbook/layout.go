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
	unmappedAt map[*model.Line]int // a row of another table -> index in unmapped
}

type unmappedRow struct {
	line  *model.Line
	label string
	row   int
}

// cellAt is a cell of a period sheet.
type cellAt struct {
	sheet    *periodSheet
	col, row int
}

// ref is the cell's reference from another sheet.
func (c cellAt) ref() string { return ref(c.sheet.name, c.col, c.row) }

// cellOf is the reference of a fact's cell on its period sheet, "" when
// it has none.
func (l *layout) cellOf(c *model.Company, f *model.Fact) string {
	if at, ok := l.cellAt(c, f); ok {
		return at.ref()
	}
	return ""
}

// cellAt is a fact's cell on its period sheet: its line's row (an item's,
// or a row of its own below the margins), in its period's column. It is
// worked out when asked, never held for every fact: a long table has a
// great many.
func (l *layout) cellAt(c *model.Company, f *model.Fact) (cellAt, bool) {
	if f == nil || f.Period == nil {
		return cellAt{}, false
	}
	ps := l.periodOn[f.Period.Name]
	if ps == nil {
		return cellAt{}, false
	}
	line := c.LineOf(f)
	row, ok := l.lineRow[line]
	if !ok {
		i, ok := ps.unmappedAt[line]
		if !ok {
			return cellAt{}, false
		}
		row = ps.unmapped[i].row
	}
	return cellAt{ps, ps.columnFor(*f.Period), row}, true
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
	line   *model.Line
	metric *templates.Metric
	row    int
}

// layout places every figure of the model.
type layout struct {
	periods    []*periodSheet
	rows       []layoutRow
	itemRow    map[string]int
	lineRow    map[*model.Line]int
	metricRow  map[string]int
	otherRow   int // the "Other reported rows" heading
	sheetOf    map[string]*periodSheet
	periodOn   map[string]*periodSheet // a period's sheet, by the period's name
	pairs      []model.Comparison
	pairSheets []string
	quarterly  bool // a Quarterly trend sheet: there are quarters
	annual     bool // an Annual trend sheet: two full years or more
}

// planLayout decides the sheets, the rows and the place of every fact.
func planLayout(c *model.Company) *layout {
	l := &layout{itemRow: map[string]int{}, lineRow: map[*model.Line]int{}, metricRow: map[string]int{},
		sheetOf: map[string]*periodSheet{}, periodOn: map[string]*periodSheet{}}
	l.planPeriodSheets(c)
	l.planRows(c.Plan())
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
		l.periodOn[p.Name] = ps
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

// planRows lays out the model's statement plan, statement by statement,
// then the margins.
func (l *layout) planRows(plan *model.Plan) {
	n := 1 + len(plan.Margins) // sized once: a long table's rows are many
	for _, sec := range plan.Sections {
		n += 1 + len(sec.Lines)
	}
	l.rows, l.lineRow = make([]layoutRow, 0, n), make(map[*model.Line]int, n)
	row := headerRow + 1
	for _, sec := range plan.Sections {
		l.rows = append(l.rows, layoutRow{kind: rowSection, title: sec.Title, row: row})
		row++
		for _, line := range sec.Lines {
			l.rows = append(l.rows, layoutRow{kind: rowItem, line: line, row: row})
			l.lineRow[line] = row
			if line.Item != nil {
				l.itemRow[line.Item.ID] = row
			}
			row++
		}
		row++
	}
	l.rows = append(l.rows, layoutRow{kind: rowSection, title: "Margins", row: row})
	row++
	for _, m := range plan.Margins {
		l.rows = append(l.rows, layoutRow{kind: rowMetric, metric: m, row: row})
		l.metricRow[m.ID] = row
		row++
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

// placeFacts gives every fact a row: its plan line's, or for a row of a
// table that is no statement, a row below the margins on its sheet, one
// per reported label (see cellAt).
func (l *layout) placeFacts(c *model.Company) {
	for _, f := range c.Facts {
		if line := c.LineOf(f); l.lineRow[line] == 0 {
			l.periodOn[f.Period.Name].unmappedRowFor(line, f.Label, l.otherRow)
		}
	}
}

func (ps *periodSheet) unmappedRowFor(line *model.Line, label string, start int) int {
	if i, ok := ps.unmappedAt[line]; ok {
		return ps.unmapped[i].row
	}
	if ps.unmappedAt == nil {
		ps.unmappedAt = map[*model.Line]int{}
	}
	row := start + 1 + len(ps.unmapped)
	ps.unmappedAt[line] = len(ps.unmapped)
	ps.unmapped = append(ps.unmapped, unmappedRow{line: line, label: label, row: row})
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

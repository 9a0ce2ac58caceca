package workbook

import (
	"strings"

	"finexport/extract/model"
	"finexport/templates"

	"github.com/xuri/excelize/v2"
)

// writePeriodSheets writes one sheet per fiscal period, newest first.
func (b *book) writePeriodSheets() error {
	for _, ps := range b.layout.periods {
		if err := b.writePeriodSheet(ps); err != nil {
			return err
		}
	}
	return nil
}

func (b *book) writePeriodSheet(ps *periodSheet) error {
	src := b.sourceWidth(ps)
	s, err := b.open(ps.name, sheetSetup{widths: []float64{46, 14, 16, 16, src, src}, freezeRows: headerRow, freezeCols: 2, titleRows: headerRow})
	if err != nil {
		return err
	}
	if err := s.row(1, b.text(b.c.Name+" — "+ps.name, look{role: roleTitle})); err != nil {
		return err
	}
	if err := s.row(2, b.text(ps.subtitle(), look{role: roleNote})); err != nil {
		return err
	}
	hdr := look{role: roleHeader, fill: fillHeader}
	if err := s.row(headerRow, b.text("Item", hdr), b.text("Units", hdr), b.text(periodName(ps.main, ps.balance), hdr),
		b.text(periodName(ps.ytd, nil), hdr), b.text("Source: "+periodName(ps.main, ps.balance), hdr), b.text("Source: "+periodName(ps.ytd, nil), hdr)); err != nil {
		return err
	}
	for _, lr := range b.layout.rows {
		var cells []excelize.Cell
		switch lr.kind {
		case rowSection:
			title := lr.title
			if title == "Balance sheet" && ps.balance != nil {
				title += " at " + ps.balance.Name
			}
			cells = []excelize.Cell{b.text(title, look{role: roleSection})}
		case rowItem:
			cells = b.itemCells(ps, lr.line)
		case rowMetric:
			cells = b.marginCells(ps, lr.metric, lr.row)
		}
		if err := s.row(lr.row, cells...); err != nil {
			return err
		}
	}
	if err := b.unmappedRows(s, ps); err != nil {
		return err
	}
	return s.close()
}

func periodName(p, alt *model.FiscalPeriod) string {
	switch {
	case p != nil:
		return p.Name
	case alt != nil:
		return alt.Name
	}
	return "—"
}

// subtitle says what the sheet holds and whether it is derived.
func (ps *periodSheet) subtitle() string {
	var parts []string
	if ps.main != nil {
		parts = append(parts, ps.main.Name+": "+ps.main.Period.String())
	}
	if ps.ytd != nil {
		parts = append(parts, ps.ytd.Name+": "+ps.ytd.Period.String())
	}
	if ps.balance != nil {
		parts = append(parts, "balance sheet "+ps.balance.Period.String())
	}
	return strings.Join(parts, " · ")
}

// itemCells writes a plan line's row: its figures in the quarter and year-
// to-date columns (balances in the first), each with its source.
func (b *book) itemCells(ps *periodSheet, line *model.Line) []excelize.Cell {
	bold := look{bold: line.Total, rule: line.Total}
	cells := b.rowCells(6)
	cells[0], cells[1] = b.text(line.Label, look{bold: bold.bold}), b.shownUnit(line.Unit, look{})
	main := ps.main
	if line.Stock {
		main = ps.balance
	}
	for i, p := range []*model.FiscalPeriod{main, ps.ytd} {
		if p == nil || (i == 1 && line.Stock) {
			continue
		}
		f := b.c.LineFact(line, p.Name)
		if f == nil {
			continue
		}
		cells[2+i] = b.factCell(f, bold)
		cells[4+i] = b.sourceCell(f)
	}
	return cells
}

// factCell writes a fact: an input, or for a derived quarter the formula
// over the periods it comes from.
func (b *book) factCell(f *model.Fact, extra look) excelize.Cell {
	numFmt := b.factFormat(string(f.Unit))
	if f.Conflict {
		extra.fill = fillConflict
	}
	if f.Derived == nil {
		return b.input(f.Value, numFmt, extra)
	}
	var formula strings.Builder
	for i, t := range f.Derived {
		if t.Sign < 0 {
			formula.WriteString("-")
		} else if i > 0 {
			formula.WriteString("+")
		}
		formula.WriteString(b.layout.cellOf(b.c, b.c.Fact(f.Item, t.Period))) // a derived figure is an item's
	}
	extra.fill = fillDerived
	return b.formula(formula.String(), number(f.Value), roleFormula, numFmt, extra)
}

// marginCells writes a margin for the quarter and the year to date, as the
// template's expression over this sheet's cells.
func (b *book) marginCells(ps *periodSheet, m *templates.Metric, row int) []excelize.Cell {
	cells := []excelize.Cell{b.text(m.Name, look{}), b.shownUnit(m.Unit, look{}), {}, {}}
	for i, p := range []*model.FiscalPeriod{ps.main, ps.ytd} {
		if p == nil {
			continue
		}
		col := colMain + i
		formula, ok := b.marginFormula(m, *p, col)
		if !ok {
			continue
		}
		mv, _ := b.c.Metric(m.ID, p.Name)
		cells[col-1] = b.formula(formula, cached(mv.Value, mv.Err), roleFormula, b.shownFormat(m.Unit), look{})
	}
	return cells
}

// marginFormula is a margin's formula over a period sheet's column; ok is
// false when the period lacks an input, and the cell stays empty.
func (b *book) marginFormula(m *templates.Metric, p model.FiscalPeriod, col int) (string, bool) {
	formula, err := m.Expr.Formula(func(id string) (string, bool) {
		if b.c.Fact(id, p.Name) == nil {
			return "", false
		}
		return cellName(col, b.layout.itemRow[id]), true
	}, noParts)
	return formula, err == nil
}

func noParts(string) ([]string, bool) { return nil, false }

// unmappedRows writes the rows of tables that are no statement, under
// their labels.
func (b *book) unmappedRows(s *sheet, ps *periodSheet) error {
	if len(ps.unmapped) == 0 {
		return nil
	}
	if err := s.row(b.layout.otherRow, b.text("Other reported rows (kept under their reported labels)", look{role: roleSection})); err != nil {
		return err
	}
	// Each row holds its line's facts of the sheet's periods, a row at a
	// time (a long table's rows are never all held): where the balance
	// sheet shares the first column with another period, its fact, the
	// last written, is the one shown.
	periods := []struct {
		p   *model.FiscalPeriod
		col int
	}{{ps.main, 0}, {ps.ytd, 1}, {ps.balance, 0}}
	cells := make([]excelize.Cell, 6)
	for _, u := range ps.unmapped {
		clear(cells)
		cells[0] = b.text(u.label, look{})
		for _, pc := range periods {
			if pc.p == nil {
				continue
			}
			f := b.c.LineFact(u.line, pc.p.Name)
			if f == nil {
				continue
			}
			cells[1] = b.shownUnit(string(f.Unit), look{})
			cells[2+pc.col] = b.factCell(f, look{})
			cells[4+pc.col] = b.sourceCell(f)
		}
		if err := s.row(u.row, cells...); err != nil {
			return err
		}
	}
	return nil
}

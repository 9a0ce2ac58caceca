package workbook

import (
	"finexport/extract"
	"finexport/extract/model"
	"finexport/templates"
	"github.com/xuri/excelize/v2"
)

// flowSections are the statements of comparison and trend sheets: those
// of the plan that hold durations (the income statement, cash flows).
func (b *book) flowSections() []model.Section {
	var out []model.Section
	for _, sec := range b.c.Plan().Sections {
		if sec.Statement != extract.Balance {
			out = append(out, sec)
		}
	}
	return out
}

// link is a green reference to a fact on its period sheet, shaded when
// the fact is derived: a quarter no release reports.
func (b *book) link(f *model.Fact, numFmt string, extra look) excelize.Cell {
	// A nil *Fact stays a nil interface, so that the row skips the cell.
	if f == nil {
		return excelize.Cell{}
	}
	if f.Derived != nil {
		extra.fill = fillDerived
	}
	target := b.layout.cellOf(b.c, f)
	if target == "" {
		return excelize.Cell{}
	}
	return b.formula(target, number(f.Value), roleLink, numFmt, extra)
}

// periodHeading names a period in a column heading, marked when its
// figures are derived.
func (b *book) periodHeading(p model.FiscalPeriod) string {
	if b.trendKind(p) == "derived" {
		return p.Name + " (derived)"
	}
	return p.Name
}

// metricLink is a green reference to a margin on a period sheet.
func (b *book) metricLink(m *templates.Metric, p model.FiscalPeriod) excelize.Cell {
	ps := b.layout.sheetOf[SheetName(sheetKey(b.c, p))]
	mv, ok := b.c.Metric(m.ID, p.Name)
	if ps == nil || !ok {
		return excelize.Cell{}
	}
	col := ps.columnFor(p)
	if _, written := b.marginFormula(m, p, col); !written {
		return excelize.Cell{} // nothing to link to
	}
	return b.formula(ref(ps.name, col, b.layout.metricRow[m.ID]), cached(mv.Value, mv.Err), roleLink, b.shownFormat(m.Unit), look{})
}

// changeCells computes change and % change from the templates' change
// metrics, over the current and prior cells of this row.
func (b *book) changeCells(line *model.Line, cur, prior model.FiscalPeriod, curCol, row int, numFmt string) []excelize.Cell {
	if b.c.LineFact(line, cur.Name) == nil || b.c.LineFact(line, prior.Name) == nil {
		return []excelize.Cell{{}, {}}
	}
	out := make([]excelize.Cell, 2)
	for i, id := range []string{"change", "pct_change"} {
		m, ok := b.set.Metric(id)
		if !ok {
			continue
		}
		f, err := m.Expr.Formula(func(name string) (string, bool) {
			switch name {
			case "current":
				return cellName(curCol, row), true
			case "prior":
				return cellName(curCol+1, row), true
			}
			return "", false
		}, noParts)
		if err != nil {
			continue
		}
		v, err := b.c.LineChange(id, line, cur.Name, prior.Name)
		format := numFmt // a change in the line's own unit, at its scale
		if m.Unit != "USD" {
			format = b.shownFormat(m.Unit)
		}
		out[i] = b.formula(f, cached(v, err), roleFormula, format, look{})
	}
	return out
}

// writeComparisons writes one sheet per comparison pair: current, prior,
// change and % change for the period and for its year to date.
func (b *book) writeComparisons() error {
	for i, cmp := range b.layout.pairs {
		if err := b.writeComparison(b.layout.pairSheets[i], cmp); err != nil {
			return err
		}
	}
	return nil
}

func (b *book) writeComparison(name string, cmp model.Comparison) error {
	s, err := b.open(name, sheetSetup{widths: []float64{46, 14, 15, 15, 15, 11, 3, 15, 15, 15, 11}, freezeRows: headerRow, freezeCols: 2, titleRows: headerRow})
	if err != nil {
		return err
	}
	if err := s.row(1, b.text(b.c.Name+" — "+cmp.Name, look{role: roleTitle})); err != nil {
		return err
	}
	if err := s.row(2, b.text("All figures link to the period sheets; change and % change are formulas. Derived figures (no release reports them) are shaded.", look{role: roleNote})); err != nil {
		return err
	}
	hdr := look{role: roleHeader, fill: fillHeader}
	head := []excelize.Cell{b.text("Item", hdr), b.text("Units", hdr), b.text(b.periodHeading(cmp.Current), hdr), b.text(b.periodHeading(cmp.Prior), hdr), b.text("Change", hdr), b.text("% change", hdr)}
	if cmp.YTDCurrent != nil && cmp.YTDCurrent.Name != cmp.Current.Name {
		head = append(head, excelize.Cell{}, b.text(b.periodHeading(*cmp.YTDCurrent), hdr), b.text(b.periodHeading(*cmp.YTDPrior), hdr), b.text("Change", hdr), b.text("% change", hdr))
	}
	if err := s.row(headerRow, head...); err != nil {
		return err
	}
	err = b.itemsThenMargins(s, headerRow+1, func(line *model.Line, row int) []excelize.Cell {
		numFmt := b.factFormat(line.Unit)
		extra := look{bold: line.Total}
		cells := []excelize.Cell{b.text(line.Label, extra), b.shownUnit(line.Unit, look{})}
		cells = append(cells, b.pairCells(line, cmp.Current, cmp.Prior, 3, row, numFmt, extra)...)
		if len(head) > 6 {
			cells = append(cells, excelize.Cell{})
			cells = append(cells, b.pairCells(line, *cmp.YTDCurrent, *cmp.YTDPrior, 8, row, numFmt, extra)...)
		}
		return cells
	}, func(m *templates.Metric, row int) []excelize.Cell {
		cells := []excelize.Cell{b.text(m.Name, look{}), b.shownUnit(m.Unit, look{})}
		cells = append(cells, b.marginPair(m, cmp.Current, cmp.Prior, 3, row)...)
		if len(head) > 6 {
			cells = append(cells, excelize.Cell{})
			cells = append(cells, b.marginPair(m, *cmp.YTDCurrent, *cmp.YTDPrior, 8, row)...)
		}
		return cells
	})
	if err != nil {
		return err
	}
	return s.close()
}

func (b *book) pairCells(line *model.Line, cur, prior model.FiscalPeriod, col, row int, numFmt string, extra look) []excelize.Cell {
	cells := []excelize.Cell{b.link(b.c.LineFact(line, cur.Name), numFmt, extra), b.link(b.c.LineFact(line, prior.Name), numFmt, extra)}
	return append(cells, b.changeCells(line, cur, prior, col, row, numFmt)...)
}

// marginPair links both margins and takes their difference, in points
// for a percent (the templates' change metric for the unit).
func (b *book) marginPair(m *templates.Metric, cur, prior model.FiscalPeriod, col, row int) []excelize.Cell {
	cells := []excelize.Cell{b.metricLink(m, cur), b.metricLink(m, prior), {}, {}}
	if blank(cells[0]) || blank(cells[1]) {
		return cells
	}
	cells[2] = b.metricChangeCell(m, cur.Name, prior.Name, cellName(col, row), cellName(col+1, row), look{})
	return cells
}

// metricChangeCell is a metric's change between two periods, as the
// templates' change metric for its unit over the two cells that hold it;
// where the model has none (either cell shows "n/a" or "n/m", text that no
// formula can subtract), the reason as text, as the PDF shows it.
func (b *book) metricChangeCell(m *templates.Metric, current, prior, curCell, priorCell string, extra look) excelize.Cell {
	change := b.set.ChangeFor(m.Unit)
	format := b.c.Scale.ExcelFormat(model.ChangeKind(change, m))
	v, err := b.c.MetricChange(change.ID, m.ID, current, prior)
	if err != nil {
		extra.numFmt = format // "n/a" or "n/m", aligned as figures are
		return b.text(model.Unshown(err), extra)
	}
	f, err := change.Expr.Formula(func(name string) (string, bool) {
		return map[string]string{"current": curCell, "prior": priorCell}[name], name == "current" || name == "prior"
	}, noParts)
	if err != nil {
		return excelize.Cell{}
	}
	return b.formula(f, number(v), roleFormula, format, extra)
}

// itemsThenMargins writes, from row on, each flow statement of the plan
// under its heading, a row per line, then a "Margins" heading and a row
// per comparison metric.
func (b *book) itemsThenMargins(s *sheet, row int, item func(*model.Line, int) []excelize.Cell, margin func(*templates.Metric, int) []excelize.Cell) error {
	for _, sec := range b.flowSections() {
		if err := s.row(row, b.text(sec.Title, look{role: roleSection})); err != nil {
			return err
		}
		row++
		for _, line := range sec.Lines {
			if err := s.row(row, item(line, row)...); err != nil {
				return err
			}
			row++
		}
		row++
	}
	if err := s.row(row, b.text("Margins", look{role: roleSection})); err != nil {
		return err
	}
	for _, m := range b.c.Plan().Margins {
		row++
		if err := s.row(row, margin(m, row)...); err != nil {
			return err
		}
	}
	return nil
}

// writeTrends writes the quarter sequence and, with two full years or
// more, the annual trend: links to the period sheets, derived quarters
// marked.
func (b *book) writeTrends() error {
	if b.layout.quarterly {
		if err := b.writeTrend(QuarterlySheet, "Quarterly trend", b.c.QuarterTrend()); err != nil {
			return err
		}
	}
	if b.layout.annual {
		return b.writeTrend(AnnualSheet, "Annual trend", b.c.AnnualTrend())
	}
	return nil
}

func (b *book) writeTrend(name, title string, periods []model.FiscalPeriod) error {
	widths := []float64{46, 14}
	for range periods {
		widths = append(widths, 15)
	}
	s, err := b.open(name, sheetSetup{widths: widths, freezeRows: headerRow + 1, freezeCols: 2, titleRows: headerRow + 1})
	if err != nil {
		return err
	}
	if err := s.row(1, b.text(b.c.Name+" — "+title, look{role: roleTitle})); err != nil {
		return err
	}
	if err := s.row(2, b.text("Links to the period sheets. Derived quarters (computed from other periods) are marked.", look{role: roleNote})); err != nil {
		return err
	}
	hdr := look{role: roleHeader, fill: fillHeader}
	head := []excelize.Cell{b.text("Item", hdr), b.text("Units", hdr)}
	kinds := []excelize.Cell{b.text("", look{role: roleNote}), {}}
	for _, p := range periods {
		head = append(head, b.text(p.Name, hdr))
		kinds = append(kinds, b.text(b.trendKind(p), look{role: roleNote}))
	}
	if err := s.row(headerRow, head...); err != nil {
		return err
	}
	if err := s.row(headerRow+1, kinds...); err != nil {
		return err
	}
	err = b.itemsThenMargins(s, headerRow+2, func(line *model.Line, _ int) []excelize.Cell {
		extra := look{bold: line.Total}
		cells := []excelize.Cell{b.text(line.Label, extra), b.shownUnit(line.Unit, look{})}
		for _, p := range periods {
			cells = append(cells, b.link(b.c.LineFact(line, p.Name), b.factFormat(line.Unit), extra))
		}
		return cells
	}, func(m *templates.Metric, _ int) []excelize.Cell {
		cells := []excelize.Cell{b.text(m.Name, look{}), b.shownUnit(m.Unit, look{})}
		for _, p := range periods {
			cells = append(cells, b.metricLink(m, p))
		}
		return cells
	})
	if err != nil {
		return err
	}
	return s.close()
}

// trendKind says whether a period's figures were reported or derived.
func (b *book) trendKind(p model.FiscalPeriod) string {
	if b.c.HasDerived(p.Name) {
		return "derived"
	}
	return "reported"
}

package workbook

import (
	"strconv"

	"finexport/extract/model"
	"finexport/templates"
)

// writeLiquidity writes one column per balance-sheet date: the inputs,
// linked from the period sheets, then every liquidity metric as the
// template's formula over them, then each metric's change since the
// previous date.
func (b *book) writeLiquidity() error {
	dates := b.c.BalanceDates()
	hidden := 0
	if n := len(dates); n > maxCols-2 {
		// Excel holds 16,384 columns: the latest dates (they come
		// last) are shown.
		hidden, dates = n-(maxCols-2), dates[n-(maxCols-2):]
	}
	widths := []float64{46, 14}
	for range dates {
		widths = append(widths, 16)
	}
	s, err := b.open(LiquiditySheet, sheetSetup{widths: widths, freezeRows: headerRow, freezeCols: 2, titleRows: headerRow})
	if err != nil {
		return err
	}
	if err := s.row(1, b.text(b.c.Name+" — Liquidity", look{role: roleTitle})); err != nil {
		return err
	}
	note := "Balances at each date and the quarter ending then, linked from the period sheets."
	if hidden > 0 {
		note += " The " + strconv.Itoa(hidden) + " earliest dates are not shown: a sheet holds 16,384 columns (the Data sheet has them all)."
	}
	if err := s.row(2, b.text(note, look{role: roleNote})); err != nil {
		return err
	}
	hdr := look{role: roleHeader, fill: fillHeader}
	head := []any{b.text("Item", hdr), b.text("Units", hdr)}
	for _, d := range dates {
		head = append(head, b.text(d.Name, hdr))
	}
	if err := s.row(headerRow, head...); err != nil {
		return err
	}
	metrics := b.liquidityMetrics()
	inputs := inputItems(metrics)
	row := headerRow + 1
	inputRow := map[string]int{}
	for _, id := range inputs {
		it, _ := b.set.Item(id)
		label := it.Name
		if it.Kind != templates.KindStock {
			label += ", quarter ending on the date"
		}
		cells := []any{b.text(label, look{}), b.shownUnit(it.Unit, look{})}
		for _, d := range dates {
			cells = append(cells, b.link(b.factAtDate(id, d), b.shownFormat(it.Unit), look{}))
		}
		if err := s.row(row, cells...); err != nil {
			return err
		}
		inputRow[id] = row
		row++
	}
	row++
	metricRow := map[string]int{}
	written := map[string]bool{} // metric@column: a formula stands there
	for _, m := range metrics {
		cells := []any{b.text(m.Name, look{bold: true}), b.shownUnit(m.Unit, look{})}
		for i, d := range dates {
			col := 3 + i
			f, err := m.Expr.Formula(func(id string) (string, bool) {
				r, ok := inputRow[id]
				return cellName(col, r), ok && b.factAtDate(id, d) != nil
			}, noParts)
			if err != nil {
				cells = append(cells, nil)
				continue
			}
			mv, _ := b.c.Metric(m.ID, d.Name)
			cells = append(cells, b.formula(guarded(f), cached(mv.Value, mv.Available), roleFormula, b.shownFormat(m.Unit), look{bold: true}))
			written[m.ID+"@"+cellName(col, 1)] = true
		}
		if err := s.row(row, cells...); err != nil {
			return err
		}
		metricRow[m.ID] = row
		row++
	}
	if len(dates) < 2 {
		return s.close()
	}
	row++
	if err := s.row(row, b.text("Change since the previous date", look{role: roleSection})); err != nil {
		return err
	}
	row++
	change, _ := b.set.Metric("change")
	for _, m := range metrics {
		cells := []any{b.text(m.Name, look{}), b.shownUnit(m.Unit, look{}), nil}
		for i := 1; i < len(dates); i++ {
			col, r := 3+i, metricRow[m.ID]
			if !written[m.ID+"@"+cellName(col, 1)] || !written[m.ID+"@"+cellName(col-1, 1)] {
				cells = append(cells, nil)
				continue
			}
			f, err := change.Expr.Formula(func(name string) (string, bool) {
				return map[string]string{"current": cellName(col, r), "prior": cellName(col-1, r)}[name], name == "current" || name == "prior"
			}, noParts)
			if err != nil {
				cells = append(cells, nil)
				continue
			}
			v, ok := b.c.MetricChange("change", m.ID, dates[i].Name, dates[i-1].Name)
			cells = append(cells, b.formula(guarded(f), cached(v, ok), roleFormula, b.shownFormat(m.Unit), look{}))
		}
		if err := s.row(row, cells...); err != nil {
			return err
		}
		row++
	}
	return s.close()
}

func (b *book) liquidityMetrics() []*templates.Metric {
	var out []*templates.Metric
	for i := range b.set.Metrics {
		if m := &b.set.Metrics[i]; m.Group == "liquidity" {
			out = append(out, m)
		}
	}
	return out
}

// inputItems lists the items the metrics read, in order of first use.
func inputItems(metrics []*templates.Metric) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range metrics {
		for _, id := range m.Expr.Items() {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// factAtDate finds an item at a balance-sheet date: the balance itself, or
// the quarter ending on it for a flow item.
func (b *book) factAtDate(item string, d model.FiscalPeriod) *model.Fact {
	for _, name := range b.c.EnvPeriods(d) {
		if f := b.c.Fact(item, name); f != nil {
			return f
		}
	}
	return nil
}

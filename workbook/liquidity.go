package workbook

import (
	"github.com/xuri/excelize/v2"
	"strconv"

	"finexport/extract/model"
	"finexport/templates"
)

// liquidityDates is how many dates the Liquidity sheet has room for: a
// sheet's columns less the item and unit columns. A variable so that a
// test can lower it.
var liquidityDates = maxCols - 2

// writeLiquidity writes one column per balance-sheet date: the inputs,
// linked from the period sheets, then every liquidity metric as the
// template's formula over them, then each metric's change since the
// previous date.
func (b *book) writeLiquidity() error {
	dates := b.c.BalanceDates()
	hidden := 0
	if n := len(dates); n > liquidityDates {
		// Excel holds 16,384 columns: the latest dates (they come
		// last) are shown.
		hidden, dates = n-liquidityDates, dates[n-liquidityDates:]
	}
	// Room for the longest input: "Net cash from operating activities,
	// quarter ending on the date".
	widths := []float64{54, 14}
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
	head := []excelize.Cell{b.text("Item", hdr), b.text("Units", hdr)}
	for _, d := range dates {
		head = append(head, b.text(d.Name, hdr))
	}
	if err := s.row(headerRow, head...); err != nil {
		return err
	}
	metrics := b.liquidityMetrics()
	inputs, inputRow := liquidityRows(metrics)
	row := headerRow + 1
	for _, id := range inputs {
		it, _ := b.set.Item(id)
		label := it.Name
		if it.Kind != templates.KindStock {
			label += ", quarter ending on the date"
		}
		cells := []excelize.Cell{b.text(label, look{}), b.shownUnit(it.Unit, look{})}
		for _, d := range dates {
			cells = append(cells, b.link(b.factAtDate(id, d), b.factFormat(it.Unit), look{}))
		}
		if err := s.row(row, cells...); err != nil {
			return err
		}
		row++
	}
	row++
	metricRow := map[string]int{}
	written := map[string]bool{} // metric@column: a formula stands there
	for _, m := range metrics {
		cells := []excelize.Cell{b.text(m.Name, look{bold: true}), b.shownUnit(m.Unit, look{})}
		for i, d := range dates {
			col := 3 + i
			if m.Expr.Op == 'i' {
				// A metric that is one item links the item: listed once.
				link := b.link(b.factAtDate(m.Expr.Name, d), b.shownFormat(m.Unit), look{bold: true})
				cells = append(cells, link)
				written[m.ID+"@"+cellName(col, 1)] = !blank(link)
				continue
			}
			f, err := m.Expr.Formula(func(id string) (string, bool) {
				r, ok := inputRow[id]
				return cellName(col, r), ok && b.factAtDate(id, d) != nil
			}, noParts)
			if err != nil {
				cells = append(cells, excelize.Cell{})
				continue
			}
			mv, _ := b.c.Metric(m.ID, d.Name)
			cells = append(cells, b.formula(f, cached(mv.Value, mv.Err), roleFormula, b.shownFormat(m.Unit), look{bold: true}))
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
	for _, m := range metrics {
		cells := []excelize.Cell{b.text(m.Name, look{}), b.shownUnit(m.Unit, look{}), {}}
		for i := 1; i < len(dates); i++ {
			col, r := 3+i, metricRow[m.ID]
			if !written[m.ID+"@"+cellName(col, 1)] || !written[m.ID+"@"+cellName(col-1, 1)] {
				cells = append(cells, excelize.Cell{})
				continue
			}
			cells = append(cells, b.metricChangeCell(m, dates[i].Name, dates[i-1].Name, cellName(col, r), cellName(col-1, r), look{}))
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

// liquidityRows lists the items the metrics read, in order of first use,
// and places them: each on a row of its own from the first row under the
// header, except an item a metric shows by itself (quarterly net income),
// which stands once, on that metric's row.
func liquidityRows(metrics []*templates.Metric) ([]string, map[string]int) {
	shown := map[string]int{} // item -> index of the metric that is it
	for i, m := range metrics {
		if _, taken := shown[m.Expr.Name]; m.Expr.Op == 'i' && !taken {
			shown[m.Expr.Name] = i
		}
	}
	var inputs []string
	row := map[string]int{}
	for _, m := range metrics {
		for _, id := range m.Expr.Items() {
			if _, placed := row[id]; placed {
				continue
			}
			if _, ok := shown[id]; ok {
				continue // placed below, once the inputs are counted
			}
			inputs = append(inputs, id)
			row[id] = headerRow + len(inputs)
		}
	}
	for id, i := range shown {
		row[id] = headerRow + len(inputs) + 2 + i // a blank row, then the metrics
	}
	return inputs, row
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

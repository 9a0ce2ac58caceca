package extract

import (
	"fmt"
	"maps"
	"slices"

	"github.com/shopspring/decimal"
)

// inferScales gives a table that states no scale the scale its own figures
// show. A release's reconciliation tables (non-GAAP net income, free cash
// flow) often carry no "(in thousands)" of their own while its statements
// do; read in units, their figures would be a thousand times too small.
// The evidence is a figure both tables state, of one item and period: the
// table without a note is scaled when, in one of its columns, some figure
// times the statements' scale equals the statement's figure and none
// equals it as printed. A column without such a figure (per share, a
// percentage) is left as it is; so is a table with no evidence.
func (ctx *docContext) inferScales(tables []*Table) {
	stated := map[string]decimal.Decimal{} // item@period -> value, from tables with a scale note
	scales := map[string]decimal.Decimal{}
	for _, t := range tables {
		if !t.scaleNoted() {
			continue
		}
		t.eachMoneyCell(func(item string, c *Cell, p Period) {
			k := item + "@" + p.Key()
			stated[k], scales[k] = c.Value, t.Scale
		})
	}
	if len(stated) == 0 {
		return
	}
	for _, t := range tables {
		if t.scaleNoted() {
			continue
		}
		scaled, asPrinted := map[int]decimal.Decimal{}, map[int]bool{}
		t.eachMoneyCell(func(item string, c *Cell, p Period) {
			k := item + "@" + p.Key()
			v, ok := stated[k]
			switch {
			case !ok:
			case v.Equal(c.Value):
				asPrinted[c.Column] = true
			case v.Equal(c.Value.Mul(scales[k])):
				scaled[c.Column] = scales[k]
			}
		})
		for _, col := range slices.Sorted(maps.Keys(scaled)) { // in column order: the warnings come out the same every run
			s := scaled[col]
			if asPrinted[col] {
				continue
			}
			t.rescaleColumn(col, s)
			ctx.warn(t.StartLine, fmt.Sprintf("no scale note; column %d read in %s, as the figures it shares with the statements show", col+1, scaleName(s)))
		}
		if len(scaled) == 0 && len(asPrinted) == 0 && t.leaveScaleOpen() {
			ctx.warn(t.StartLine, "no scale note, while the statements state one, and no figure it shares with them: its amounts are kept as printed under their labels, as no item's figure")
		}
	}
}

// leaveScaleOpen takes the items off the money rows of a table whose scale
// is in doubt, so that none of its amounts stands as an item's figure; it
// reports whether there were any.
func (t *Table) leaveScaleOpen() bool {
	open := false
	for ri := range t.Rows {
		if r := &t.Rows[ri]; r.Unit == t.Currency && len(r.Items) > 0 && len(r.Cells) > 0 {
			r.Items, open = nil, true
		}
	}
	return open
}

// scaleNoted: a scale note stands over the table (only a note sets a scale
// other than units).
func (t *Table) scaleNoted() bool { return t.Scale.GreaterThan(unit) }

// eachMoneyCell calls fn for each figure of a money row mapped to an item,
// in a column that names a period and is no change column.
func (t *Table) eachMoneyCell(fn func(item string, c *Cell, p Period)) {
	for ri := range t.Rows {
		r := &t.Rows[ri]
		if r.Unit != t.Currency || r.NotReported {
			continue
		}
		for ci := range r.Cells {
			c := &r.Cells[ci]
			col := t.Columns[c.Column]
			if col.Period.IsZero() || col.Change || c.Number.Percent {
				continue
			}
			for _, item := range r.Items {
				fn(item, c, col.Period)
			}
		}
	}
}

// rescaleColumn multiplies the money figures of one column by s.
func (t *Table) rescaleColumn(col int, s decimal.Decimal) {
	for ri := range t.Rows {
		r := &t.Rows[ri]
		if r.Unit != t.Currency {
			continue
		}
		for ci := range r.Cells {
			if c := &r.Cells[ci]; c.Column == col && !c.Number.Percent {
				c.Value, c.Resolution = c.Value.Mul(s), c.Resolution.Mul(s)
			}
		}
	}
}

// scaleName names a scale in words.
func scaleName(s decimal.Decimal) string {
	switch {
	case s.Equal(decimal.New(1, 3)):
		return "thousands"
	case s.Equal(decimal.New(1, 6)):
		return "millions"
	case s.Equal(decimal.New(1, 9)):
		return "billions"
	}
	return "units of " + s.String()
}

package extract

import (
	"strings"

	"finexport/templates"

	"github.com/shopspring/decimal"
)

// mapRows maps each row to canonical items, settles its unit, and scales
// its figures into full units.
func (g *tableGrid) mapRows() {
	t := g.t
	for i := range t.Rows {
		r := &t.Rows[i]
		section := ""
		if r.Section >= 0 {
			section = strings.TrimSuffix(t.Sections[r.Section].Title, ":")
		}
		percent := anyCell(r.Cells, func(c Cell) bool { return c.Number.Percent })
		if m, ok := g.ctx.set.Lookup(r.Label, section); ok && fitsTable(m.Items, t.Kind, g.ctx.set) && !percent {
			r.Items = m.Items
			if m.Loss && !anyCell(r.Cells, func(c Cell) bool { return c.Number.Value.IsNegative() }) &&
				anyCell(r.Cells, func(c Cell) bool { return c.Number.Value.IsPositive() }) {
				r.SignFlipped = true
				g.ctx.warn(r.Line, quote(r.Label)+" names a loss but is printed positive; read as negative")
			}
		}
		r.Unit = inCurrency(rowUnit(r, section, percent, g.ctx.set), t.Currency)
		for j := range r.Cells {
			g.scaleCell(r, &r.Cells[j])
		}
	}
}

func anyCell(cells []Cell, f func(Cell) bool) bool {
	for _, c := range cells {
		if f(c) {
			return true
		}
	}
	return false
}

// fitsTable: an income item is not taken from a balance sheet, and so on.
// Tables of other kinds take any item.
func fitsTable(items []string, kind Statement, set *templates.Set) bool {
	if kind == Other {
		return true
	}
	for _, id := range items {
		if it, ok := set.Item(id); ok && it.Statement != string(kind) {
			return false
		}
	}
	return true
}

func rowUnit(r *Row, section string, percent bool, set *templates.Set) Unit {
	if percent {
		return Percent
	}
	if len(r.Items) > 0 {
		if it, ok := set.Item(r.Items[0]); ok {
			return Unit(it.Unit)
		}
	}
	low := strings.ToLower(section + " " + r.Label)
	dollar := anyCell(r.Cells, func(c Cell) bool { return c.Number.Dollar })
	switch {
	case strings.Contains(low, "per share") || strings.Contains(low, "per-share") || strings.Contains(low, "per common share") || strings.Contains(low, "per basic") || strings.Contains(low, "per diluted"):
		return PerShare
	case strings.Contains(low, "shares") && !dollar:
		return Shares
	case strings.Contains(low, "ratio") || strings.Contains(low, "number of") || strings.Contains(low, "employees"):
		return Pure
	}
	return USD
}

// inCurrency restates a money unit in the table's currency.
func inCurrency(u, currency Unit) Unit {
	switch {
	case currency == USD || currency == "":
		return u
	case u == USD:
		return currency
	case u == PerShare:
		return currency + "/share"
	}
	return u
}

// scaleCell applies the table's scale: to money, and to share counts unless
// the scale note excepts them; never to per-share amounts or percentages.
func (g *tableGrid) scaleCell(r *Row, c *Cell) {
	t := g.t
	v := c.Number.Value
	if r.SignFlipped {
		v = v.Neg()
	}
	res := decimal.New(1, -c.Number.Places)
	col := t.Columns[c.Column]
	percentColumn := col.Change && (c.Number.Percent || strings.Contains(col.Header, "%"))
	if !percentColumn && (r.Unit == t.Currency || r.Unit == Shares && t.ScaleShares) {
		v = v.Mul(t.Scale)
		res = res.Mul(t.Scale)
	}
	c.Value, c.Resolution = v, res
}

// classifyByItems names an untitled table by what its rows map to.
func classifyByItems(t *Table, set *templates.Set) Statement {
	count := map[string]int{}
	for _, r := range t.Rows {
		for _, id := range r.Items {
			if it, ok := set.Item(id); ok {
				count[it.Statement]++
			}
		}
	}
	best, bestN := Other, 1
	for _, s := range []Statement{Income, Balance, CashFlow} {
		if count[string(s)] > bestN {
			best, bestN = s, count[string(s)]
		}
	}
	return best
}

package model

import (
	"sort"

	"finexport/extract"
	"finexport/templates"
)

// span is a reported or derived figure covering quarters [from, to] of a
// fiscal year: Q2 is [2,2], H1 [1,2], 9M [1,3], FY [1,4], H2 [3,4].
type span struct {
	from, to int
	fact     *Fact
}

func (s span) size() int { return s.to - s.from + 1 }

func spanOf(p FiscalPeriod) (int, int, bool) {
	switch p.Kind {
	case Quarter:
		return p.Quarter, p.Quarter, true
	case FirstHalf:
		return 1, 2, true
	case NineMonths:
		return 1, 3, true
	case FullYear:
		return 1, 4, true
	case SecondHalf:
		return 3, 4, true
	}
	return 0, 0, false
}

// derive computes the quarters no release reports, for flow items only:
// a quarter is a period that holds it less the known periods that make up
// the rest (Q1 = H1 − Q2; Q3 = FY − H1 − Q4). Per-share figures and share
// counts are never derived by subtraction.
func (c *Company) derive() {
	type key struct {
		item string
		fy   int
	}
	spans := map[key][]span{}
	var keys []key
	for _, f := range c.Facts {
		it, ok := c.set.Item(f.Item)
		if !ok || it.Kind != templates.KindFlow {
			continue
		}
		from, to, ok := spanOf(*f.Period)
		if !ok {
			continue
		}
		k := key{f.Item, f.Period.FY}
		if _, seen := spans[k]; !seen {
			keys = append(keys, k)
		}
		spans[k] = append(spans[k], span{from, to, f})
	}
	for _, k := range keys {
		for changed := true; changed; {
			changed = false
			for q := 1; q <= 4; q++ {
				if f := c.deriveQuarter(spans[k], q); f != nil {
					spans[k] = append(spans[k], span{q, q, f})
					changed = true
				}
			}
		}
	}
}

// deriveQuarter derives quarter q from the smallest known span holding it
// whose other quarters the known spans cover exactly.
func (c *Company) deriveQuarter(known []span, q int) *Fact {
	for _, s := range known {
		if s.from == q && s.to == q {
			return nil
		}
	}
	candidates := append([]span(nil), known...)
	sort.SliceStable(candidates, func(i, j int) bool { return candidates[i].size() < candidates[j].size() })
	for _, whole := range candidates {
		if whole.from > q || whole.to < q || whole.size() == 1 {
			continue
		}
		left, okL := cover(known, whole.from, q-1)
		right, okR := cover(known, q+1, whole.to)
		if okL && okR {
			return c.quarterFact(whole, append(left, right...), q)
		}
	}
	return nil
}

// cover tiles quarters [from, to] with known spans, largest first. An empty
// range is covered by nothing.
func cover(known []span, from, to int) ([]span, bool) {
	var out []span
	for pos := from; pos <= to; {
		best := -1
		for i, s := range known {
			if s.from == pos && s.to <= to && (best < 0 || s.size() > known[best].size() ||
				s.size() == known[best].size() && known[best].fact.Derived != nil && s.fact.Derived == nil) {
				best = i
			}
		}
		if best < 0 {
			return nil, false
		}
		out = append(out, known[best])
		pos = known[best].to + 1
	}
	return out, true
}

// quarterFact builds the derived fact: whole less parts. Its dates come
// from its neighbours, so 52/53-week quarters keep their exact days.
func (c *Company) quarterFact(whole span, parts []span, q int) *Fact {
	w := whole.fact
	p := extract.Period{Start: w.Period.Period.Start, End: w.Period.Period.End, Months: 3}
	value, res := w.Value, w.Resolution
	terms := []Term{{Sign: 1, Period: w.Period.Name}}
	firstRight := true
	for _, s := range parts { // in quarter order
		value = value.Sub(s.fact.Value)
		res = res.Add(s.fact.Resolution)
		terms = append(terms, Term{Sign: -1, Period: s.fact.Period.Name})
		switch {
		case s.to < q:
			p.Start = s.fact.Period.Period.End.AddDate(0, 0, 1)
		case firstRight:
			p.End = s.fact.Period.Period.Start.AddDate(0, 0, -1)
			firstRight = false
		}
	}
	period := c.Calendar.Name(p)
	if period.Kind != Quarter || period.Quarter != q {
		// The neighbours do not line up into a quarter: leave it out.
		return nil
	}
	if existing := c.byKey[itemKey(w.Item, period.Name)]; existing != nil {
		return nil
	}
	f := &Fact{Item: w.Item, Label: w.Label, Statement: w.Statement, Unit: w.Unit, Period: &period,
		Value: value, Resolution: res, Derived: terms}
	c.byKey[itemKey(f.Item, period.Name)] = f
	c.Facts = append(c.Facts, f)
	return f
}

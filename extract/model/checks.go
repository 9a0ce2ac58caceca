package model

import (
	"sort"

	"finexport/extract"
	"finexport/templates"

	"github.com/shopspring/decimal"
)

// Check is one check of the company - a release's tie-out or prose claim,
// or a conflict between releases - bound to the model's figures it reads.
// Its Computed is the model's: Formula evaluated over those figures, once,
// here. Renderers write the same Formula over the cells that show them.
type Check struct {
	extract.Check
	// Stated is the model's figure that the stated value is, when the
	// model holds it (a table's total); nil for a prose figure.
	StatedFigure *Figure
	// Operands binds each id of Formula to the figure it reads; Terms are
	// the rows a parts() term adds up, in table order. Both are empty when
	// the check has no formula, or reads a figure the model does not
	// hold (Bound is false then).
	Operands map[string]Figure
	Terms    []Figure
	Bound    bool
}

// Figure is one figure the model holds, as a check reads it: a fact's
// value, a release's value beside the one the fact uses (a conflicting
// one, or one that agrees within rounding), or a figure set aside.
type Figure struct {
	Fact     *Fact // nil for a figure set aside
	SetAside int   // its index in Company.SetAside when Fact is nil
	Source   extract.Source
	Value    decimal.Decimal
}

// Shown reports a figure that is its fact's value: it stands where the
// fact stands. Any other figure is only on the list of every figure read.
func (g Figure) Shown() bool { return g.Fact != nil && g.Value.Equal(g.Fact.Value) }

// earlierFormula is a conflict's computation: the earlier release's figure.
var earlierFormula = mustParse("earlier")

func mustParse(src string) *templates.Expr {
	e, err := templates.ParseExpr(src)
	if err != nil {
		panic(err)
	}
	return e
}

// operandEnv serves a check's bound figures to its formula.
type operandEnv struct {
	operands map[string]Figure
	terms    []Figure
}

func (e operandEnv) Value(id string) (decimal.Decimal, bool) {
	g, ok := e.operands[id]
	return g.Value, ok
}

func (e operandEnv) Parts(string) ([]decimal.Decimal, bool) {
	out := make([]decimal.Decimal, len(e.terms))
	for i, g := range e.terms {
		out[i] = g.Value
	}
	return out, len(out) > 0
}

// figureIndex finds the model's figures by the document cell they were
// read from; one cell mapped to two items gives two figures. It is a
// list of small references (a fact's statement or a figure set aside),
// sorted by the cell each stands for, searched by halves: a long table's
// cells are indexed in 16 bytes each, not a map entry of a 40-byte cell
// and its reference (9 MB for 72,000 figures).
type figureIndex struct {
	c    *Company
	refs []figureRef // by source; one source's in the order they were added
}

// figureRef is a fact's statement at index at of its Reported, or, with
// no fact, the figure set aside at index at.
type figureRef struct {
	fact *Fact
	at   int
}

func (c *Company) figureIndex() *figureIndex {
	n := len(c.SetAside)
	for _, f := range c.Facts {
		n += len(f.Reported)
	}
	idx := &figureIndex{c: c, refs: make([]figureRef, 0, n)}
	for _, f := range c.Facts {
		for i := range f.Reported {
			idx.refs = append(idx.refs, figureRef{f, i})
		}
	}
	for i := range c.SetAside {
		idx.refs = append(idx.refs, figureRef{nil, i})
	}
	sort.SliceStable(idx.refs, func(a, b int) bool {
		return sourceLess(idx.source(idx.refs[a]), idx.source(idx.refs[b]))
	})
	return idx
}

// source is the cell a reference's figure was read from.
func (x *figureIndex) source(r figureRef) *extract.Source {
	if r.fact != nil {
		return &r.fact.Reported[r.at].Source
	}
	return &x.c.SetAside[r.at].Fact.Source
}

func sourceLess(a, b *extract.Source) bool {
	switch {
	case a.File != b.File:
		return a.File < b.File
	case a.Line != b.Line:
		return a.Line < b.Line
	case a.ColStart != b.ColStart:
		return a.ColStart < b.ColStart
	}
	return a.ColEnd < b.ColEnd
}

// at returns the references of the figures read from a cell, in the
// order they were added.
func (x *figureIndex) at(s extract.Source) []figureRef {
	i := sort.Search(len(x.refs), func(i int) bool { return !sourceLess(x.source(x.refs[i]), &s) })
	j := i
	for j < len(x.refs) && *x.source(x.refs[j]) == s {
		j++
	}
	return x.refs[i:j]
}

// figure makes the figure a reference stands for.
func (x *figureIndex) figure(r figureRef) Figure {
	if r.fact != nil {
		rep := r.fact.Reported[r.at]
		return Figure{Fact: r.fact, Source: rep.Source, Value: rep.Value}
	}
	a := x.c.SetAside[r.at].Fact
	return Figure{SetAside: r.at, Source: a.Source, Value: a.Value}
}

// item and period of a figure, by its reference.
func (c *Company) refOf(r figureRef) (string, extract.Period) {
	if r.fact != nil {
		return r.fact.Item, r.fact.Period.Period
	}
	x := &c.SetAside[r.at].Fact
	return x.Item, x.Period
}

// find picks, among the cells a check read, the figure of an item in a
// period: the same period first, then one the check's own period matching
// allows (a 52/53-week year ends a few days off its month end).
func (c *Company) find(idx *figureIndex, srcs []extract.Source, in extract.CheckInput) (Figure, bool) {
	var near Figure
	nearFound := false
	for _, s := range srcs {
		for _, r := range idx.at(s) {
			item, p := c.refOf(r)
			switch {
			case item != in.Item:
			case p.Key() == in.Period.Key():
				return idx.figure(r), true
			case !nearFound && extract.SamePeriod(p, in.Period):
				near, nearFound = idx.figure(r), true
			}
		}
	}
	return near, nearFound
}

// bind ties a release's check to the model's figures and computes it over
// them. A check that reads a figure the model does not hold keeps the
// release's computation, unbound.
func (c *Company) bind(ch extract.Check, idx *figureIndex) Check {
	out := Check{Check: ch}
	if ch.Kind == extract.TieOut && len(ch.Sources) > 0 {
		if g, ok := c.find(idx, ch.Sources[:1], extract.CheckInput{Item: ch.Item, Period: ch.Period}); ok {
			out.StatedFigure = &g
		}
	}
	if ch.Formula == nil {
		return out
	}
	operands := map[string]Figure{}
	ids := make([]string, 0, len(ch.Inputs))
	for id := range ch.Inputs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		g, ok := c.find(idx, ch.Sources, ch.Inputs[id])
		if !ok {
			return out
		}
		operands[id] = g
	}
	var terms []Figure
	if len(ch.Parts) > 0 {
		terms = make([]Figure, 0, len(ch.Parts)) // sized once: a total may add up a long table
	}
	for _, s := range ch.Parts {
		refs := idx.at(s)
		if len(refs) == 0 {
			return out
		}
		terms = append(terms, idx.figure(refs[0]))
	}
	out.Operands, out.Terms = operands, terms
	return out.compute()
}

// compute evaluates the check's formula over its bound figures: the one
// computation of it that every output shows.
func (ch Check) compute() Check {
	v, err := ch.Formula.Eval(operandEnv{ch.Operands, ch.Terms})
	if err != nil {
		ch.Operands, ch.Terms = nil, nil
		return ch
	}
	ch.Bound = true
	if !v.Equal(ch.Computed) {
		ch.Computed = v
		ch.Settle()
	}
	return ch
}

// conflictCheck reports a figure two releases state differently: the
// latest release's value (the one used) against an earlier one.
func (c *Company) conflictCheck(f *Fact, latest, r Reported) Check {
	name := f.Label
	if it, ok := c.set.Item(f.Item); ok {
		name = it.Name
	}
	ch := extract.Check{Kind: extract.Conflict, Name: "Conflict: " + name, Item: f.Item, Period: f.Period.Period,
		Stated: latest.Value, Computed: r.Value, Sources: []extract.Source{latest.Source, r.Source},
		Detail:  DocName(latest.Source.File) + " states " + latest.Value.String() + "; " + DocName(r.Source.File) + " states " + r.Value.String(),
		Formula: earlierFormula}
	ch.Settle()
	ch.Status = extract.Fail
	out := Check{Check: ch, StatedFigure: &Figure{Fact: f, Source: latest.Source, Value: latest.Value},
		Operands: map[string]Figure{"earlier": {Fact: f, Source: r.Source, Value: r.Value}}}
	return out.compute()
}

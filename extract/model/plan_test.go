package model

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"finexport/extract"
)

// planText writes a plan as "Title: line, *total, ...", one statement a
// line, for comparison with a hand-typed plan.
func planText(p *Plan) string {
	var out []string
	for _, s := range p.Sections {
		var lines []string
		for _, l := range s.Lines {
			name := l.Label
			if l.Total {
				name = "*" + name
			}
			lines = append(lines, name)
		}
		out = append(out, s.Title+": "+strings.Join(lines, ", "))
	}
	return strings.Join(out, "\n")
}

// Rows no synonym maps stand in their statement where the filing put
// them: the restructuring charge among the operating expenses, the current
// portion of debt among the current liabilities. Totals are the items
// whose parts are shown.
func TestPlanKeepsUnmappedRowsInTheirSection(t *testing.T) {
	c := one(t, []*extract.Filing{parse(t, "../../testdata/variants/acme_dec_thousands_crlf_cp1252.txt")}, Options{})
	want := "Income statement: Revenue, Cost of revenue, *Gross profit, Selling, general and administrative, " +
		"Research and development, Restructuring charge (1), *Total operating expenses, *Operating income (loss), " +
		"Interest expense, Interest and other income, net, *Income (loss) before income taxes, Income taxes, *Net income (loss), " +
		"Net income (loss) per share, basic, Net income (loss) per share, diluted, Weighted average shares, basic, Weighted average shares, diluted\n" +
		"Balance sheet: Cash and equivalents, Accounts receivable, net, Inventories, Other current assets, *Total current assets, " +
		"Property and equipment, net, Goodwill, Other assets, *Total assets, Accounts payable, Accrued liabilities, " +
		"Current portion of long-term debt, *Total current liabilities, Long-term obligations, Stockholders' equity, " +
		"*Total liabilities and stockholders' equity"
	if got := planText(c.Plan()); got != want {
		t.Errorf("plan:\n%s\nwant:\n%s", got, want)
	}
	// The unmapped row's figures are on its line, in each period.
	l := c.Plan().Sections[0].Lines[5]
	if f := c.LineFact(l, "FY2002"); f == nil || !f.Value.Equal(dec("412000")) {
		t.Errorf("restructuring charge FY2002: %+v", f)
	}
	if f := c.LineFact(l, "FY2002"); c.LineOf(f) != l {
		t.Error("LineOf does not return the fact's line")
	}
}

// Cash flows are a statement of their own, and a line is bold only when
// its parts are shown: net cash from investing is no total when capital
// expenditures are not reported.
func TestPlanCashFlowsAndTotals(t *testing.T) {
	c := one(t, []*extract.Filing{parse(t, "../../testdata/variants/brightwater_submission_52week_millions.txt")}, Options{})
	got := planText(c.Plan())
	want := "Cash flows: Net cash from operating activities, Net cash from investing activities, " +
		"Net cash from financing activities, *Net increase (decrease) in cash"
	if !strings.HasSuffix(got, "\n"+want) {
		t.Errorf("plan:\n%s\nwant it to end with:\n%s", got, want)
	}
	// Net income adds up other income through the pre-tax income the
	// samples do not report: it is their bottom line, a total.
	for _, l := range one(t, samples(t), Options{}).Plan().Sections[0].Lines {
		if l.Item.ID == "net_income" && !l.Total || l.Item.ID == "other_income" && l.Total {
			t.Errorf("samples: %s total %v", l.Item.ID, l.Total)
		}
	}
	var margins []string
	for _, m := range c.Plan().Margins {
		margins = append(margins, m.ID)
	}
	if strings.Join(margins, ",") != "gross_margin,operating_margin,net_margin" {
		t.Errorf("margins %v", margins)
	}
}

var madeUpQuarter = extract.Period{Start: time.Date(2003, 10, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2003, 12, 31, 0, 0, 0, 0, time.UTC), Months: 3}

// madeUp is a filing of one quarter's figures, each at its line.
func madeUp(facts ...extract.Fact) *extract.Filing {
	for i := range facts {
		facts[i].Period = madeUpQuarter
		if facts[i].Unit == "" {
			facts[i].Unit = extract.USD
		}
		facts[i].Source.File = "made-up.txt"
	}
	return &extract.Filing{File: "made-up.txt", Company: "Made Up Inc.", Facts: facts}
}

// A row above every mapped row stays above them; rows of other tables
// that share a label keep a line each.
func TestPlanFirstRowsAndOtherTables(t *testing.T) {
	c := one(t, []*extract.Filing{madeUp(
		extract.Fact{Statement: extract.Income, Label: "Product sales", Value: dec("70"), Source: extract.Source{Line: 10}},
		extract.Fact{Statement: extract.Income, Item: "revenue", Label: "Total revenues", Value: dec("100"), Source: extract.Source{Line: 11}},
		extract.Fact{Statement: extract.Income, Item: "net_income", Label: "Net income", Value: dec("5"), Source: extract.Source{Line: 14}},
		extract.Fact{Statement: extract.Other, Label: "Total", Value: dec("40"), Source: extract.Source{Line: 50}},
		extract.Fact{Statement: extract.Other, Label: "Total", Value: dec("60"), Source: extract.Source{Line: 60}},
	)}, Options{})
	if got, want := planText(c.Plan()), "Income statement: Product sales, Revenue, *Net income (loss)"; got != want {
		t.Errorf("plan %q, want %q", got, want)
	}
	other := c.Plan().Other
	if len(other) != 2 || !c.LineFact(other[0], "Q4 FY2003").Value.Equal(dec("40")) || !c.LineFact(other[1], "Q4 FY2003").Value.Equal(dec("60")) {
		t.Errorf("other rows: %d lines, want 2 (40, then 60)", len(other))
	}
}

// A headline shows diluted EPS when reported, basic otherwise.
func TestEPSItemFallsBackToBasic(t *testing.T) {
	f := madeUp(extract.Fact{Statement: extract.Income, Item: "eps_basic", Label: "Basic", Value: dec("0.12"), Unit: extract.PerShare, Source: extract.Source{Line: 20}})
	c := one(t, []*extract.Filing{f}, Options{})
	if got := c.EPSItem("Q4 FY2003"); got != "eps_basic" {
		t.Errorf("EPSItem = %s, want eps_basic", got)
	}
	acme := one(t, []*extract.Filing{parse(t, "../../testdata/variants/acme_dec_thousands_crlf_cp1252.txt")}, Options{})
	if got := acme.EPSItem("Q4 FY2003"); got != "eps_diluted" {
		t.Errorf("EPSItem = %s, want eps_diluted", got)
	}
}

// Unmapped lines merge across documents by their normalized label: the
// same line spelled in other capitals is one line, two labels are two,
// also when their roles' hashes collide (every hash equal here).
func TestUnmappedLinesMergeByLabel(t *testing.T) {
	for _, collide := range []bool{false, true} {
		if collide {
			roleHash = func(string) uint64 { return 1 }
		}
		first := madeUp(
			extract.Fact{Statement: extract.Income, Label: "Restructuring charges", Value: dec("5"), Source: extract.Source{Line: 10}},
			extract.Fact{Statement: extract.Income, Label: "Legal settlement", Value: dec("7"), Source: extract.Source{Line: 11}},
		)
		second := madeUp(
			extract.Fact{Statement: extract.Income, Label: "RESTRUCTURING CHARGES", Value: dec("5"), Source: extract.Source{Line: 20}},
			extract.Fact{Statement: extract.Income, Label: "Legal settlement", Value: dec("7"), Source: extract.Source{Line: 21}},
		)
		second.File = "other.txt"
		for i := range second.Facts {
			second.Facts[i].Source.File = "other.txt"
		}
		c := one(t, []*extract.Filing{first, second}, Options{})
		roleHash = fnv64a
		var got []string
		for _, f := range c.FactsIn("Q4 FY2003") {
			got = append(got, fmt.Sprintf("%s=%s x%d conflict=%v", f.Label, f.Value, len(f.Reported), f.Conflict))
		}
		want := "Restructuring charges=5 x2 conflict=false; Legal settlement=7 x2 conflict=false"
		if strings.Join(got, "; ") != want {
			t.Errorf("hashes colliding %v: facts %q, want %q", collide, strings.Join(got, "; "), want)
		}
	}
}

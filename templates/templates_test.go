package templates

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"
)

func TestDefaultsLoad(t *testing.T) {
	s := Default()
	for _, id := range []string{"revenue", "cost_of_revenue", "gross_profit", "selling_general_admin", "research_development",
		"operating_expenses", "other_income", "net_income", "eps_basic", "eps_diluted", "shares_basic", "shares_diluted",
		"cash", "receivables", "inventory", "other_current_assets", "current_assets", "ppe_net", "other_assets",
		"total_assets", "accounts_payable", "other_current_liabilities", "current_liabilities", "long_term_debt",
		"equity", "liabilities_and_equity"} {
		if _, ok := s.Item(id); !ok {
			t.Errorf("canonical item %s missing", id)
		}
	}
	if it, _ := s.Item("cash"); it.Total != "current_assets" {
		t.Errorf("cash is a part of %q, want current_assets", it.Total)
	}
}

func TestLookup(t *testing.T) {
	s := Default()
	tests := []struct {
		label, section string
		items          string
		loss           bool
	}{
		{"Net revenues", "", "revenue", false},
		{"Net sales", "", "revenue", false},
		{"Revenues", "", "revenue", false},
		{"Total revenues", "", "revenue", false},
		{"Inventory", "", "inventory", false},
		{"Inventories", "", "inventory", false},
		{"Long-term obligations", "", "long_term_debt", false},
		{"Long-term obligations and note payable", "", "long_term_debt", false},
		{"Stockholders’ equity", "", "equity", false},
		{"STOCKHOLDERS' EQUITY", "", "equity", false},
		{"Net loss", "", "net_income", true},
		{"Net income (loss)", "", "net_income", false},
		{"Restructuring charge (1)", "", "", false},
		{"Basic and diluted net loss per common share", "", "eps_basic,eps_diluted", false},
		{"Net loss per share - basic and diluted", "", "eps_basic,eps_diluted", false},
		{"Basic", "Net income (loss) per share:", "eps_basic", false},
		{"Diluted", "Net income per share", "eps_diluted", false},
		{"Basic", "Weighted average shares outstanding:", "shares_basic", false},
		{"Diluted", "Weighted average shares outstanding:", "shares_diluted", false},
		{"Diluted earnings per share", "", "eps_diluted", false},
		{"EPS (Basic)", "", "eps_basic", false},
		{"Diluted EPS", "", "eps_diluted", false},
		{"Net income per weighted average share, basic", "", "eps_basic", false},
		{"Net earnings per weighted average share - diluted", "", "eps_diluted", false},
		{"Weighted average shares, basic", "", "shares_basic", false},
		{"Shares used in computing per share data", "", "shares_basic,shares_diluted", false},
		{"Selling, general & administrative", "", "selling_general_admin", false},
		{"Other", "Current liabilities:", "", false},
	}
	for _, tt := range tests {
		m, ok := s.Lookup(tt.label, tt.section)
		if got := strings.Join(m.Items, ","); got != tt.items || ok != (tt.items != "") || m.Loss != tt.loss {
			t.Errorf("Lookup(%q, %q) = %q loss %v, want %q loss %v", tt.label, tt.section, got, m.Loss, tt.items, tt.loss)
		}
	}
}

func TestLoadErrorsNameFileAndLine(t *testing.T) {
	good := Default()
	_ = good
	files := fstest.MapFS{}
	for _, name := range []string{ItemsFile, SynonymsFile, ChecksFile, MetricsFile} {
		data, err := DefaultFS().(interface{ ReadFile(string) ([]byte, error) }).ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = &fstest.MapFile{Data: data}
	}
	files[ItemsFile] = &fstest.MapFile{Data: []byte("# comment\nrevenue | income | USD | flow | | Revenue\ncash | balanse | USD | stock | | Cash\nbad id | income | USD | flow | | X\n")}
	files[ChecksFile] = &fstest.MapFile{Data: []byte("Gross | revenue = revenue - 1\nTotal | revenue = nope\n")}
	_, err := Load(files)
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, want := range []string{
		`items.txt:3: unknown statement "balanse"`,
		`items.txt:4: item id "bad id"`,
		`checks.txt:1: expression: literal number`,
		`checks.txt:2: unknown item "nope"`,
		`synonyms.txt:`, // synonyms name items the broken items.txt lacks
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("errors lack %q:\n%s", want, msg)
		}
	}
}

type mapEnv map[string]decimal.Decimal

func (m mapEnv) Value(id string) (decimal.Decimal, bool) { v, ok := m[id]; return v, ok }
func (m mapEnv) Parts(id string) ([]decimal.Decimal, bool) {
	if id == "current_assets" {
		return []decimal.Decimal{m["cash"], m["receivables"]}, true
	}
	return nil, false
}

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestExprEvalAndFormula(t *testing.T) {
	env := mapEnv{"current_assets": d("13814000"), "current_liabilities": d("2264000"), "cash": d("8265000"),
		"receivables": d("2080000"), "zero": d("0"), "q1_loss": d("-1239000"), "q_profit": d("436000")}
	refs := map[string]string{"current_assets": "'Q2 FY2004'!C30", "current_liabilities": "'Q2 FY2004'!C40",
		"cash": "C10", "receivables": "C11", "q1_loss": "N1", "q_profit": "N2"}
	ref := func(id string) (string, bool) { r, ok := refs[id]; return r, ok }
	parts := func(id string) ([]string, bool) { return []string{"C10", "C11"}, id == "current_assets" }
	tests := []struct {
		src, value, formula string
		na                  bool
	}{
		{src: "current_assets - current_liabilities", value: "11550000", formula: "'Q2 FY2004'!C30-'Q2 FY2004'!C40"},
		{src: "current_assets / current_liabilities", value: "6.1015901060", formula: "'Q2 FY2004'!C30/'Q2 FY2004'!C40"},
		{src: "(cash + receivables) / current_liabilities", value: "4.5693462898", formula: "(C10+C11)/'Q2 FY2004'!C40"},
		{src: "cash - (receivables - cash)", value: "14450000", formula: "C10-(C11-C10)"},
		{src: "-cash", value: "-8265000", formula: "-C10"},
		{src: "parts(current_assets)", value: "10345000", formula: "SUM(C10,C11)"},
		{src: "abs(cash - receivables)", value: "6185000", formula: "ABS(C10-C11)"},
		{src: "abs(q1_loss)", value: "1239000", formula: "ABS(N1)"},
		// 8,265,000 / 1,239,000 = 6.67070217917... quarters of cash.
		{src: "cash / loss(q1_loss)", value: "6.6707021792", formula: "C10/(-MIN(N1,FALSE))"},
		{src: "cash / loss(q_profit)", na: true},
		{src: "cash / zero", na: true},
		{src: "cash / missing", na: true},
	}
	for _, tt := range tests {
		e, err := ParseExpr(tt.src)
		if err != nil {
			t.Fatalf("%s: %v", tt.src, err)
		}
		v, err := e.Eval(env)
		if tt.na {
			if err == nil {
				t.Errorf("%s: want not available, got %s", tt.src, v)
			}
			continue
		}
		if err != nil || !v.Equal(d(tt.value)) {
			t.Errorf("%s = %s (%v), want %s", tt.src, v, err, tt.value)
		}
		if f, err := e.Formula(ref, parts); err != nil || f != tt.formula {
			t.Errorf("%s formula %q (%v), want %q", tt.src, f, err, tt.formula)
		}
	}
}

func TestParseExprErrors(t *testing.T) {
	for _, src := range []string{"", "a +", "a * 2", "(a", "sum(a)", "a b", "parts()", "a $ b", "abs(a", "loss()"} {
		if _, err := ParseExpr(src); err == nil {
			t.Errorf("ParseExpr(%q): no error", src)
		}
	}
}

func TestBoundPropagatesRounding(t *testing.T) {
	e, _ := ParseExpr("a / b")
	env := mapEnv{"a": d("17.9"), "b": d("30.9")}
	tol := func(string) decimal.Decimal { return d("0.05") }
	// (|a| tb + |b| ta) / b^2 = (0.895 + 1.545) / 954.81 = 2.44 / 954.81 = 0.0025555
	got := e.Bound(env, tol, tol).Round(6)
	if !got.Equal(d("0.002555")) {
		t.Errorf("bound %s, want 0.002555", got)
	}
	sum, _ := ParseExpr("a - b + a")
	if got := sum.Bound(env, tol, tol); !got.Equal(d("0.15")) {
		t.Errorf("sum bound %s, want 0.15", got)
	}
}

func TestExprString(t *testing.T) {
	for _, src := range []string{"a - (b - c)", "(cash + receivables) / current_liabilities", "parts(current_assets)",
		"cash / loss(net_income)", "(current - prior) / abs(prior)", "-a * b"} {
		e, err := ParseExpr(src)
		if err != nil {
			t.Fatal(err)
		}
		if e.String() != src {
			t.Errorf("String() = %q, want %q", e.String(), src)
		}
	}
}

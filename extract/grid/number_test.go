package grid

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in       string
		ok       bool
		value    string
		places   int32
		nil_, na bool
		percent  bool
		dollar   bool
		footnote string
	}{
		{in: "2,500,000", ok: true, value: "2500000"},
		{in: "$2,500,000", ok: true, value: "2500000", dollar: true},
		{in: "$(1,223,000)", ok: true, value: "-1223000", dollar: true},
		{in: "($991,000)", ok: true, value: "-991000", dollar: true},
		{in: "($0.03)", ok: true, value: "-0.03", places: 2, dollar: true},
		{in: "$ (1,223)", ok: true, value: "-1223", dollar: true},
		{in: "(46)", ok: true, value: "-46"},
		{in: "(1)", ok: true, value: "-1"},
		{in: "-1,234", ok: true, value: "-1234"},
		{in: "−5.5", ok: true, value: "-5.5", places: 1},
		{in: "1,602.3", ok: true, value: "1602.3", places: 1},
		{in: ".5", ok: true, value: "0.5", places: 1},
		{in: "0.09", ok: true, value: "0.09", places: 2},
		{in: "12.5%", ok: true, value: "12.5", places: 1, percent: true},
		{in: "(12.5)%", ok: true, value: "-12.5", places: 1, percent: true},
		{in: "(3%)", ok: true, value: "-3", percent: true},
		{in: "412(a)", ok: true, value: "412", footnote: "(a)"},
		{in: "1,000 (1)", ok: true, value: "1000", footnote: "(1)"},
		{in: "$(1,223,000)(2)", ok: true, value: "-1223000", dollar: true, footnote: "(2)"},
		{in: "1,000*", ok: true, value: "1000", footnote: "*"},
		{in: "1,000 **", ok: true, value: "1000", footnote: "**"},
		{in: "--", ok: true, value: "0", nil_: true},
		{in: "-", ok: true, value: "0", nil_: true},
		{in: "—", ok: true, value: "0", nil_: true},
		{in: "$ --", ok: true, value: "0", nil_: true},
		{in: "n/a", ok: true, value: "0", na: true},
		{in: "NM", ok: true, value: "0", na: true},
		{in: "2003", ok: true, value: "2003"},
		// Not numbers.
		{in: "", ok: false},
		{in: "$", ok: false},
		{in: "Net revenues", ok: false},
		{in: "1,23", ok: false},
		{in: "12,3456", ok: false},
		{in: "1.2.3", ok: false},
		{in: "((5))", ok: false},
		{in: "-(5)", ok: false},
		{in: "5.", ok: false},
		{in: "(800)-860", ok: false},
		{in: "11:00am", ok: false},
		{in: "Q2", ok: false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, ok := ParseNumber(tt.in)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if want := decimal.RequireFromString(tt.value); !n.Value.Equal(want) {
				t.Errorf("value %s, want %s", n.Value, want)
			}
			if n.Places != tt.places || n.Nil != tt.nil_ || n.NA != tt.na || n.Percent != tt.percent || n.Dollar != tt.dollar || n.Footnote != tt.footnote {
				t.Errorf("got %+v", n)
			}
		})
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"$2,500,000", "($0.03)", "$(1,223,000)", "--", "412(a)", "(12.5)%", "1,000 **", "n/a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := ParseNumber(s)
		if !ok {
			return
		}
		// A parsed number prints back to a decimal that parses again.
		if _, err := decimal.NewFromString(n.Value.String()); err != nil {
			t.Fatalf("%q parsed to unprintable %v", s, n.Value)
		}
		if n.Places < 0 {
			t.Fatalf("%q: negative places", s)
		}
	})
}

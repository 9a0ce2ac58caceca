package model

import (
	"testing"

	"finexport/extract"

	"github.com/shopspring/decimal"
)

func TestDisplay(t *testing.T) {
	tests := []struct {
		v, kind, want string
	}{
		{"2500000", ShowMoney, "2,500,000"},
		{"-1223000", ShowMoney, "(1,223,000)"},
		{"0", ShowMoney, "–"},
		{"999.5", ShowMoney, "1,000"},
		{"-0.03", ShowPerShare, "(0.03)"},
		{"0.27", ShowPerShare, "0.27"},
		{"40265493", ShowShares, "40,265,493"},
		{"0.0638297872", ShowPercent, "6.4%"},
		{"-0.1238390093", ShowPercent, "(12.4%)"},
		{"0.3208", ShowPercent, "32.1%"},
		{"0.00049", ShowPercent, "–"},
		{"6.101590106", ShowRatio, "6.10x"},
		{"6.7579721995", ShowQuarters, "6.8"},
		{"0.125", ShowPerShare, "0.13"},
		{"-0.125", ShowPerShare, "(0.13)"},
	}
	for _, tt := range tests {
		if got := Display(dec(tt.v), tt.kind); got != tt.want {
			t.Errorf("Display(%s, %s) = %q, want %q", tt.v, tt.kind, got, tt.want)
		}
	}
}

func TestChooseScale(t *testing.T) {
	tests := []struct {
		name   string
		values []string
		want   Scale
	}{
		{"small company in units", []string{"999999", "-12345"}, Scale{}},
		{"millions of revenue, round thousands", []string{"2500000", "-1223000", "14659000"}, Scale{Shift: 3}},
		{"a billion in tenths of millions", []string{"1540800000", "412600000", "-4100000"}, Scale{Shift: 6, Places: 1}},
		{"a billion in whole millions", []string{"1602000000", "-17000000"}, Scale{Shift: 6}},
		{"a billion in thousands", []string{"1234567000", "5000"}, Scale{Shift: 3}},
		{"millions to the dollar", []string{"12345678", "1000"}, Scale{}},
		{"millions in hundreds", []string{"12345600"}, Scale{Shift: 3, Places: 1}},
		{"nothing", nil, Scale{}},
	}
	for _, tt := range tests {
		var values []decimal.Decimal
		for _, v := range tt.values {
			values = append(values, dec(v))
		}
		if got := chooseScale(values); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestScaleDisplayAndFormat(t *testing.T) {
	thousands, millions := Scale{Shift: 3}, Scale{Shift: 6, Places: 1}
	tests := []struct {
		s          Scale
		v, kind    string
		want, name string
	}{
		{thousands, "2500000", ShowMoney, "2,500", "USD thousands"},
		{thousands, "-1223000", ShowMoney, "(1,223)", "USD thousands"},
		{thousands, "0", ShowMoney, "–", "USD thousands"},
		{thousands, "-0.03", ShowPerShare, "(0.03)", "USD thousands"},
		{thousands, "40265493", ShowShares, "40,265,493", "USD thousands"},
		{millions, "1540800000", ShowMoney, "1,540.8", "USD millions"},
		{millions, "-4100000", ShowMoney, "(4.1)", "USD millions"},
		{millions, "0.0788", ShowPercent, "7.9%", "USD millions"},
		{Scale{}, "2500000", ShowMoney, "2,500,000", "USD"},
	}
	for _, tt := range tests {
		if got := tt.s.Display(dec(tt.v), tt.kind); got != tt.want {
			t.Errorf("%+v Display(%s, %s) = %q, want %q", tt.s, tt.v, tt.kind, got, tt.want)
		}
		if tt.s.Name() != tt.name {
			t.Errorf("%+v Name() = %q, want %q", tt.s, tt.s.Name(), tt.name)
		}
	}
	for _, tt := range []struct {
		s    Scale
		kind string
		want string
	}{
		// A text section pads "n/a" and "n/m" as the figures are padded.
		{thousands, ShowMoney, `#,##0,_);(#,##0,);"–"_);@_)`},
		{millions, ShowMoney, `#,##0.0,,_);(#,##0.0,,);"–"_);@_)`},
		{Scale{}, ShowMoney, `#,##0_);(#,##0);"–"_);@_)`},
		{millions, ShowPerShare, `#,##0.00_);(#,##0.00);"–"_);@_)`},
	} {
		if got := tt.s.ExcelFormat(tt.kind); got != tt.want {
			t.Errorf("%+v ExcelFormat(%s) = %s, want %s", tt.s, tt.kind, got, tt.want)
		}
	}
	if got := thousands.Caption(); got != "USD thousands, except per-share" {
		t.Errorf("caption %q", got)
	}
}

// The samples report round thousands of dollars; the 52-week variant
// reports "(in millions)" with one decimal.
func TestCompanyScale(t *testing.T) {
	if got := one(t, samples(t), Options{}).Scale; got != (Scale{Shift: 3}) {
		t.Errorf("samples: %+v, want thousands", got)
	}
	bw := one(t, []*extract.Filing{parse(t, "../../testdata/variants/brightwater_submission_52week_millions.txt")}, Options{})
	if got := bw.Scale; got != (Scale{Shift: 6, Places: 1}) {
		t.Errorf("variant in millions: %+v, want millions with one decimal", got)
	}
}

package model

import "testing"

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

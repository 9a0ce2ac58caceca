package extract

import (
	"testing"

	"github.com/shopspring/decimal"
)

// The fast spreadsheet bound answers as the comparison it replaces, on
// figures of every size around the bound, both signs, any exponent.
func TestBeyondSpreadsheetAsComparison(t *testing.T) {
	coefs := []int64{0, 1, 9, 10, 99, 999999999999999, 1000000000000000, 123456789}
	for _, c := range coefs {
		for exp := int32(-320); exp <= 320; exp++ {
			for _, v := range []decimal.Decimal{decimal.New(c, exp), decimal.New(-c, exp), decimal.New(c, exp).Mul(decimal.New(1, 300))} {
				if got, want := beyondSpreadsheet(v), v.Abs().GreaterThanOrEqual(spreadsheetMax); got != want {
					t.Fatalf("beyondSpreadsheet(%s) = %v, want %v", v, got, want)
				}
			}
		}
	}
	if !beyondSpreadsheet(decimal.New(1, 307)) || beyondSpreadsheet(decimal.RequireFromString("9.99e306")) {
		t.Fatal("the bound is 1e307")
	}
}

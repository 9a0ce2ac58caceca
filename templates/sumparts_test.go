package templates

import (
	"math/rand"
	"testing"

	"github.com/shopspring/decimal"
)

// TestSumPartsAsDecimalSum: sumParts gives decimal.Sum's value at its
// exponent, for figures of every size, sign and exponent, near the int64
// bounds and past them.
func TestSumPartsAsDecimalSum(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	cases := [][]decimal.Decimal{nil, {}, {decimal.Zero}, {decimal.New(5, 2)}, {decimal.New(1, -2), decimal.New(3, 1)},
		{decimal.New(999999999999999, 0), decimal.New(999999999999999, 3)},
		{decimal.New(1, 4), decimal.New(1, 0)},
		{decimal.New(9e15, 0), decimal.New(-1, 0)},
		{decimal.New(1e18, 0), decimal.New(1, 0)},
		{decimal.RequireFromString("123456789012345678901234567890"), decimal.New(1, -3)},
	}
	var many []decimal.Decimal
	for range 10000 {
		many = append(many, decimal.New(999999999999999, 3))
	}
	cases = append(cases, many)
	for range 2000 {
		parts := make([]decimal.Decimal, r.Intn(12))
		for i := range parts {
			coef := r.Int63n([]int64{10, 1000, 1e9, 1e15, 1e16, 9e18}[r.Intn(6)])
			if r.Intn(2) == 0 {
				coef = -coef
			}
			parts[i] = decimal.New(coef, int32(r.Intn(9)-5))
		}
		cases = append(cases, parts)
	}
	for _, parts := range cases {
		want, got := decimal.Sum(decimal.Zero, parts...), sumParts(parts)
		if !got.Equal(want) || got.Exponent() != want.Exponent() || got.Coefficient().Cmp(want.Coefficient()) != 0 {
			t.Fatalf("%v: %s (exponent %d), want %s (exponent %d)", parts, got, got.Exponent(), want, want.Exponent())
		}
	}
}

// FuzzSumParts holds sumParts to decimal.Sum on two or three figures.
func FuzzSumParts(f *testing.F) {
	f.Add(int64(1), int32(0), int64(-5), int32(2), int64(7), int32(-3))
	f.Add(int64(9e15), int32(3), int64(9e15), int32(0), int64(0), int32(0))
	f.Fuzz(func(t *testing.T, a int64, ea int32, b int64, eb int32, c int64, ec int32) {
		parts := []decimal.Decimal{decimal.New(a, ea%20), decimal.New(b, eb%20), decimal.New(c, ec%20)}
		want, got := decimal.Sum(decimal.Zero, parts...), sumParts(parts)
		if !got.Equal(want) || got.Exponent() != want.Exponent() {
			t.Fatalf("%v: %s (exponent %d), want %s (exponent %d)", parts, got, got.Exponent(), want, want.Exponent())
		}
	})
}

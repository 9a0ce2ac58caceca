package extract

import (
	"regexp"
	"testing"
)

// reCompanySuffixEnd is the expression companySuffixEnd replaced.
var reCompanySuffixEnd = regexp.MustCompile(`(?i)\b(corp|inc|co|ltd)\.$`)

var titleScanCases = []string{
	"Balance Sheets", "BALANCE\tSHEET", "balance\vsheet", "balancesheet", "Statement of Financial  Position",
	"financial\ncondition", "Cash Flows", "cashflow", "CASH \r\n FLOW", "cash-flow", "Statements of Consolidated Operations",
	"statementsof income", "Statement of  consolidated\tEarnings", "statement of consolidated consolidated income",
	"STATEMENTS OF COMPREHENSIVE LOSS", "statement of consolidatedincome", "statements  of loss", "Income Statements",
	"income statement", "Results of Operations", "results  of\toperations", "Operations Data", "operationsdata",
	"PROFIT AND LOSS", "profit and  loss", "XYZ Corp.", "Acme Co.", "ACME INC.", "Ltd.", "Co.", "xco.", "_co.",
	"Acme, co.", "Acme Inc. ", "Bal\u212ance Sheet", "Balance \u017fheet", "ca\u017fh flow", "Statement\u017f of Income",
	"Sta\u212ement", "Statement of Operation", "statement", "Xstatements of operations data",
}

func checkTitleScan(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		name      string
		got, want bool
	}{
		{"isBalanceTitle", isBalanceTitle(s), reBalanceTitle.Regexp.MatchString(s)},
		{"isCashFlowTitle", isCashFlowTitle(s), reCashFlowTitle.Regexp.MatchString(s)},
		{"isIncomeTitle", isIncomeTitle(s), reIncomeTitle.Regexp.MatchString(s)},
		{"companySuffixEnd", companySuffixEnd(s), reCompanySuffixEnd.MatchString(s)},
	} {
		if c.got != c.want {
			t.Fatalf("%s(%q) = %v, the expression %v", c.name, s, c.got, c.want)
		}
	}
}

// The title scanners answer as their expressions on every corpus line.
func TestTitleScanAsReference(t *testing.T) {
	if !isIncomeTitle("Statements of Consolidated Operations") || isBalanceTitle("balance  of sheet") {
		t.Fatal("the scanners must tell titles")
	}
	for _, s := range append(titleScanCases, referenceTexts(t)...) {
		checkTitleScan(t, s)
	}
}

func FuzzTitleScanAsReference(f *testing.F) {
	for _, s := range titleScanCases {
		f.Add(s)
	}
	f.Fuzz(checkTitleScan)
}

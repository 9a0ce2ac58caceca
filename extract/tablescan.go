package extract

// Hand-written scanners for the expressions a table's titles, headers and
// dates are read with. Each answers as its expression does on ASCII case
// folding; a text holding the Kelvin sign or the long s, which (?i) folds
// to k and s, goes to the expression instead (foldsToASCII). The
// expressions stay beside them and in tablescan_test.go, which holds each
// scanner to its expression on every corpus line and by fuzzing.

// litAt: s[i:] starts with the lower-case ASCII word w, case folded.
func litAt(s string, i int, w string) bool {
	return len(s)-i >= len(w) && lowerASCII[s[i]] == w[0] && foldedAt(s, i, w)
}

// seqAt reads words[0] `\s+` words[1] `\s+` ... at s[i:], and returns the
// index past the last word.
func seqAt(s string, i int, words ...string) (int, bool) {
	for k, w := range words {
		if k > 0 {
			j := skipSpaceRE(s, i)
			if j == i {
				return 0, false
			}
			i = j
		}
		if !litAt(s, i, w) {
			return 0, false
		}
		i += len(w)
	}
	return i, true
}

// isBalanceTitle is reBalanceTitle.MatchString:
// `(?i)balance\s+sheets?|financial\s+(position|condition)`.
func isBalanceTitle(s string) bool { return anyAt(s, reBalanceTitle, balanceTitleAt) }

func balanceTitleAt(s string, i int) bool {
	switch lowerASCII[s[i]] {
	case 'b':
		_, ok := seqAt(s, i, "balance", "sheet")
		return ok
	case 'f':
		_, ok := seqAt(s, i, "financial", "position")
		if !ok {
			_, ok = seqAt(s, i, "financial", "condition")
		}
		return ok
	}
	return false
}

// isCashFlowTitle is reCashFlowTitle.MatchString: `(?i)cash\s*flows?`.
func isCashFlowTitle(s string) bool { return anyAt(s, reCashFlowTitle, cashFlowTitleAt) }

func cashFlowTitleAt(s string, i int) bool {
	return lowerASCII[s[i]] == 'c' && litAt(s, i, "cash") && litAt(s, skipSpaceRE(s, i+4), "flow")
}

// isIncomeTitle is reIncomeTitle.MatchString: `(?i)statements?\s+of\s+
// (consolidated\s+)?(operations|income|earnings|loss|comprehensive)|
// income\s+statements?|results\s+of\s+operations|operations\s+data|
// profit\s+and\s+loss`.
func isIncomeTitle(s string) bool { return anyAt(s, reIncomeTitle, incomeTitleAt) }

func incomeTitleAt(s string, i int) bool {
	var ok bool
	switch lowerASCII[s[i]] {
	case 's':
		ok = statementOfAt(s, i)
	case 'i':
		_, ok = seqAt(s, i, "income", "statement")
	case 'r':
		_, ok = seqAt(s, i, "results", "of", "operations")
	case 'o':
		_, ok = seqAt(s, i, "operations", "data")
	case 'p':
		_, ok = seqAt(s, i, "profit", "and", "loss")
	}
	return ok
}

// statementOfAt reads `statements?\s+of\s+(consolidated\s+)?(operations|
// income|earnings|loss|comprehensive)` at s[i:].
func statementOfAt(s string, i int) bool {
	if !litAt(s, i, "statement") {
		return false
	}
	i += len("statement")
	if i < len(s) && lowerASCII[s[i]] == 's' {
		i++
	}
	j := skipSpaceRE(s, i)
	if j == i || !litAt(s, j, "of") {
		return false
	}
	j += len("of")
	k := skipSpaceRE(s, j)
	if k == j {
		return false
	}
	if incomeWordAt(s, k) {
		return true
	}
	if !litAt(s, k, "consolidated") {
		return false
	}
	m := skipSpaceRE(s, k+len("consolidated"))
	return m > k+len("consolidated") && incomeWordAt(s, m)
}

// incomeWordAt reads `operations|income|earnings|loss|comprehensive`.
func incomeWordAt(s string, i int) bool {
	return litAt(s, i, "operations") || litAt(s, i, "income") || litAt(s, i, "earnings") ||
		litAt(s, i, "loss") || litAt(s, i, "comprehensive")
}

// companySuffixEnd is reCompanySuffixEnd.MatchString: `(?i)\b(corp|inc|co|
// ltd)\.$`. None of the words holds a k or an s, so no rune outside ASCII
// can stand for one of their letters.
func companySuffixEnd(s string) bool {
	n := len(s) - 1
	if n < 0 || s[n] != '.' {
		return false
	}
	for _, w := range [...]string{"corp", "inc", "co", "ltd"} {
		i := n - len(w)
		if i >= 0 && litAt(s, i, w) && (i == 0 || !reWordByte(s[i-1])) {
			return true
		}
	}
	return false
}

// reYearAt reads reYear, `(?:\b|FY)(19[5-9]\d|20\d\d)\b`, with its year
// at s[p:]. The expression is case-sensitive: only "FY" stands for `\b`.
func reYearAt(s string, p int) bool {
	if len(s)-p < 4 || !isDigit(s[p+3]) || p+4 < len(s) && reWordByte(s[p+4]) {
		return false
	}
	if !(s[p] == '1' && s[p+1] == '9' && s[p+2] >= '5' && s[p+2] <= '9' || s[p] == '2' && s[p+1] == '0' && isDigit(s[p+2])) {
		return false
	}
	return p == 0 || !reWordByte(s[p-1]) || p >= 2 && s[p-2] == 'F' && s[p-1] == 'Y'
}

// yearsIn counts reYear's matches in s and returns the last one's year.
// Matches cannot overlap: a year's digits are words on both sides of any
// other.
func yearsIn(s string) (n, last int) {
	for p := 0; p+4 <= len(s); p++ {
		if reYearAt(s, p) {
			n, last = n+1, int(s[p]-'0')*1000+int(s[p+1]-'0')*100+int(s[p+2]-'0')*10+int(s[p+3]-'0')
			p += 3
		}
	}
	return n, last
}

// firstYear is the year of reYear's first match in s, or 0.
func firstYear(s string) int {
	for p := 0; p+4 <= len(s); p++ {
		if reYearAt(s, p) {
			return int(s[p]-'0')*1000 + int(s[p+1]-'0')*100 + int(s[p+2]-'0')*10 + int(s[p+3]-'0')
		}
	}
	return 0
}

// hasPeriodWord is rePeriodWd.MatchString, `(?i)\b(ended|ending|quarter|fiscal|
// months|weeks|year|period)\b`: its gate's keys are the words, so the gate
// answers as the expression unless a rune outside ASCII folds to a letter.
func hasPeriodWord(s string) bool {
	if !rePeriodWd.mayMatch(s) {
		return false
	}
	return !foldsToASCII(s) || rePeriodWd.Regexp.MatchString(s)
}

// wordEndAt: `s?\b` after a word ending at s[j:] - an s, if any, then no
// word byte.
func wordEndAt(s string, j int) bool {
	if j < len(s) && lowerASCII[s[j]] == 's' {
		j++
	}
	return j == len(s) || !reWordByte(s[j])
}

// wordStartAt: `\b` before a word at s[i:].
func wordStartAt(s string, i int) bool {
	return i == 0 || !reWordByte(s[i-1])
}

// noStatementAt reads reNoStatementLine at s[i:]: `selected|quarterly|
// segment|geographic|pro\s*forma|non-?gaap|five[- ]year|ten[- ]year|
// reconciliation`.
func noStatementAt(s string, i int) bool {
	switch lowerASCII[s[i]] {
	case 's':
		return litAt(s, i, "selected") || litAt(s, i, "segment")
	case 'q':
		return litAt(s, i, "quarterly")
	case 'g':
		return litAt(s, i, "geographic")
	case 'r':
		return litAt(s, i, "reconciliation")
	case 'p':
		return litAt(s, i, "pro") && litAt(s, skipSpaceRE(s, i+3), "forma")
	case 'n':
		if !litAt(s, i, "non") {
			return false
		}
		j := i + 3
		if j < len(s) && s[j] == '-' {
			j++
		}
		return litAt(s, j, "gaap")
	case 'f':
		return litAt(s, i, "five") && yearAfterDash(s, i+4)
	case 't':
		return litAt(s, i, "ten") && yearAfterDash(s, i+3)
	}
	return false
}

// yearAfterDash reads `[- ]year` at s[j:].
func yearAfterDash(s string, j int) bool {
	return j < len(s) && (s[j] == '-' || s[j] == ' ') && litAt(s, j+1, "year")
}

// notStatementAt reads reNotStatement at s[i:]: reNoStatementLine's words,
// `supplement`, `\bratios?\b` and `per\s+share\s+data`.
func notStatementAt(s string, i int) bool {
	if noStatementAt(s, i) {
		return true
	}
	switch lowerASCII[s[i]] {
	case 's':
		return litAt(s, i, "supplement")
	case 'r':
		return litAt(s, i, "ratio") && wordStartAt(s, i) && wordEndAt(s, i+5)
	case 'p':
		_, ok := seqAt(s, i, "per", "share", "data")
		return ok
	}
	return false
}

// titleWordAt reads reTitleWords at s[i:]: `unaudited|audited|condensed|
// consolidated|statements?\b|sheets?\b|\b(corp|inc|co|ltd|corporation|
// incorporated)\b\.?|in\s+(thousands?|millions?|billions?)|omitted`.
// "unaudited" holds "audited", found at its own place.
func titleWordAt(s string, i int) bool {
	switch lowerASCII[s[i]] {
	case 'a':
		return litAt(s, i, "audited")
	case 'c':
		return litAt(s, i, "condensed") || litAt(s, i, "consolidated") ||
			wordStartAt(s, i) && (companyWordAt(s, i, "corp") || companyWordAt(s, i, "co") || companyWordAt(s, i, "corporation"))
	case 's':
		return litAt(s, i, "statement") && wordEndAt(s, i+9) || litAt(s, i, "sheet") && wordEndAt(s, i+5)
	case 'i':
		if wordStartAt(s, i) && (companyWordAt(s, i, "inc") || companyWordAt(s, i, "incorporated")) {
			return true
		}
		if !litAt(s, i, "in") {
			return false
		}
		j := skipSpaceRE(s, i+2)
		return j > i+2 && (litAt(s, j, "thousand") || litAt(s, j, "million") || litAt(s, j, "billion"))
	case 'l':
		return wordStartAt(s, i) && companyWordAt(s, i, "ltd")
	case 'o':
		return litAt(s, i, "omitted")
	}
	return false
}

// companyWordAt reads w`\b` at s[i:].
func companyWordAt(s string, i int, w string) bool {
	return litAt(s, i, w) && (i+len(w) == len(s) || !reWordByte(s[i+len(w)]))
}

// anyAt reports whether at reads a match at some place of s; a text the
// scanners cannot read alone (foldsToASCII) goes to the expression.
func anyAt(s string, re *keyGate, at func(string, int) bool) bool {
	if foldsToASCII(s) {
		return re.Regexp.MatchString(s)
	}
	for i := 0; i < len(s); i++ {
		if at(s, i) {
			return true
		}
	}
	return false
}

// scaleIn is the factor scaleOf gives reScale's first match in s: 1000,
// 1000000 or 1000000000, or 0 for no match. reScale's branches start on
// different bytes - "in", "(", a scale word, "$", "000" - so at any place
// one branch at most can match, and the scale word it holds (none for
// 000, a thousand) is the factor.
func scaleIn(s string) int64 {
	if foldsToASCII(s) {
		m := reScale.Regexp.FindString(s)
		if m == "" {
			return 0
		}
		return scaleOf(m).IntPart()
	}
	for i := 0; i < len(s); i++ {
		if f := scaleAt(s, i); f != 0 {
			return f
		}
	}
	return 0
}

// scaleAt reads a branch of reScale at s[i:] and returns its factor.
func scaleAt(s string, i int) int64 {
	switch lowerASCII[s[i]] {
	case 'i': // `\bin\s+((frf|...|usd)\s+)?(thousands?|...)\b`, `\bin\s+\$?\s*000'?s\b`
		if !wordStartAt(s, i) || !litAt(s, i, "in") {
			return 0
		}
		j := skipSpaceRE(s, i+2)
		if j == i+2 {
			return 0
		}
		if f := scaleWordAt(s, j); f != 0 {
			return f
		}
		if currencyCodeAt(s, j) {
			if k := skipSpaceRE(s, j+3); k > j+3 {
				return scaleWordAt(s, k)
			}
			return 0
		}
		if j < len(s) && s[j] == '$' {
			j++
		}
		j = skipSpaceRE(s, j)
		if !litAt(s, j, "000") {
			return 0
		}
		j += 3
		if j < len(s) && s[j] == '\'' {
			j++
		}
		if j < len(s) && lowerASCII[s[j]] == 's' && (j+1 == len(s) || !reWordByte(s[j+1])) {
			return 1000
		}
	case '(': // `\(\s*\$?\s*(thousands?|...)\b`, `\(\s*\$?\s*000'?s?\s*\)`
		j := skipSpaceRE(s, i+1)
		if j < len(s) && s[j] == '$' {
			j++
		}
		j = skipSpaceRE(s, j)
		if f := scaleWordAt(s, j); f != 0 {
			return f
		}
		if !litAt(s, j, "000") {
			return 0
		}
		j = skipSpaceRE(s, after000(s, j))
		if j < len(s) && s[j] == ')' {
			return 1000
		}
	case 't', 'm', 'b': // `\b(thousands?|...)\s+of\s+(u\.\s*s\.\s+)?dollars`
		return scaleOfDollarsAt(s, i)
	case '$': // `\$\s*(in\s+)?(thousands?|...)\b`
		j := skipSpaceRE(s, i+1)
		if litAt(s, j, "in") {
			if k := skipSpaceRE(s, j+2); k > j+2 {
				if f := scaleWordAt(s, k); f != 0 {
					return f
				}
			}
		}
		return scaleWordAt(s, j)
	case '0': // `\b000'?s?\s+omitted`
		if !wordStartAt(s, i) || !litAt(s, i, "000") {
			return 0
		}
		j := after000(s, i)
		if k := skipSpaceRE(s, j); k > j && litAt(s, k, "omitted") {
			return 1000
		}
	}
	return 0
}

// after000 returns the index past `000'?s?` at s[j:].
func after000(s string, j int) int {
	j += 3
	if j < len(s) && s[j] == '\'' {
		j++
	}
	if j < len(s) && lowerASCII[s[j]] == 's' {
		j++
	}
	return j
}

// scaleWords are reScale's scale words and their factors.
var scaleWords = [...]struct {
	word   string
	factor int64
}{{"thousand", 1000}, {"million", 1000000}, {"billion", 1000000000}}

// scaleWordAt reads `(thousands?|millions?|billions?)\b` at s[j:].
func scaleWordAt(s string, j int) int64 {
	for _, w := range scaleWords {
		if litAt(s, j, w.word) && wordEndAt(s, j+len(w.word)) {
			return w.factor
		}
	}
	return 0
}

// scaleOfDollarsAt reads `\b(thousands?|...)\s+of\s+(u\.\s*s\.\s+)?dollars`
// at s[i:].
func scaleOfDollarsAt(s string, i int) int64 {
	if !wordStartAt(s, i) {
		return 0
	}
	for _, w := range scaleWords {
		if !litAt(s, i, w.word) {
			continue
		}
		j := i + len(w.word)
		if j < len(s) && lowerASCII[s[j]] == 's' {
			j++
		}
		k, ok := seqAt(s, skipSpaceRE(s, j), "of")
		if !ok || skipSpaceRE(s, j) == j {
			return 0
		}
		m := skipSpaceRE(s, k)
		if m == k {
			return 0
		}
		if litAt(s, m, "u.") {
			n := skipSpaceRE(s, m+2)
			if litAt(s, n, "s.") {
				if d := skipSpaceRE(s, n+2); d > n+2 && litAt(s, d, "dollars") {
					return w.factor
				}
			}
		}
		if litAt(s, m, "dollars") {
			return w.factor
		}
		return 0
	}
	return 0
}

// currencyCodeAt reads `(frf|eur|gbp|dem|chf|jpy|cad|zar|usd)` at s[j:].
func currencyCodeAt(s string, j int) bool {
	for _, c := range [...]string{"frf", "eur", "gbp", "dem", "chf", "jpy", "cad", "zar", "usd"} {
		if litAt(s, j, c) {
			return true
		}
	}
	return false
}

package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestSubmissionHeader(t *testing.T) {
	tests := []struct {
		name, doc                         string
		form, cik, company, period, filed string
		fye                               string
		types                             []string
	}{
		{
			name: "PEM header",
			doc: "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n<SEC-DOCUMENT>0000891618-98-005328.txt : 19981215\n" +
				"ACCESSION NUMBER:\t\t0000891618-98-005328\nCONFORMED SUBMISSION TYPE:\t10-Q\nCONFORMED PERIOD OF REPORT:\t19981031\n" +
				"FILED AS OF DATE:\t\t19981215\n\nFILER:\n\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tINTUIT INC\n" +
				"\t\tCENTRAL INDEX KEY:\t\t\t0000896878\n\t\tFISCAL YEAR END:\t\t\t0731\n</SEC-HEADER>\n" +
				"<DOCUMENT>\n<TYPE>10-Q\n<TEXT>\nbody\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-27.1\n<TEXT>\n<TOTAL-ASSETS> 1\n</TEXT>\n</DOCUMENT>\n",
			form: "10-Q", cik: "0000896878", company: "INTUIT INC", period: "1998-10-31", filed: "1998-12-15", fye: "07-31",
			types: []string{"10-Q", "EX-27.1"},
		},
		{
			name: "dissemination (.nc) header",
			doc: "<SUBMISSION>\n<ACCESSION-NUMBER>0000732715-99-000042\n<TYPE>10-Q\n<PERIOD>19990630\n<FILING-DATE>19990803\n<FILER>\n<COMPANY-DATA>\n" +
				"<CONFORMED-NAME>INDIANA BELL TELEPHONE CO INC\n<CIK>0000050178\n<FISCAL-YEAR-END>1231\n</COMPANY-DATA>\n</FILER>\n" +
				"<DOCUMENT>\n<TYPE>10-Q\n<SEQUENCE>1\n<TEXT>\n<PAGE>cover\nbody\n</TEXT>\n</DOCUMENT>\n",
			form: "10-Q", cik: "0000050178", company: "INDIANA BELL TELEPHONE CO INC", period: "1999-06-30", filed: "1999-08-03", fye: "12-31",
			types: []string{"10-Q"},
		},
		{
			name: "two filers: the one the documents name",
			doc: "CONFORMED SUBMISSION TYPE:\t8-K\nFILED AS OF DATE:\t\t20000323\nFILER:\n\tCOMPANY CONFORMED NAME:\t\t\tGENERAL INSTRUMENT CORP\n" +
				"\tCENTRAL INDEX KEY:\t\t\t0000040656\nFILER:\n\tCOMPANY CONFORMED NAME:\t\t\tMOTOROLA INC\n\tCENTRAL INDEX KEY:\t\t\t0000068505\n" +
				"<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nMotorola, Inc. announced ... Motorola ...\n</TEXT>\n</DOCUMENT>\n",
			form: "8-K", cik: "0000068505", company: "MOTOROLA INC", filed: "2000-03-23",
			types: []string{"8-K"},
		},
		{
			name:  "a bare document has no header",
			doc:   "ACME CORP. REPORTS RESULTS\n\nNet sales rose.\n",
			types: []string{""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := splitSubmission(linesOf(tt.doc))
			h := sub.header
			got := []string{h.Form, h.CIK, h.Company, dateText(h.Period.Format(isoDate), h.Period.IsZero()), dateText(h.Filed.Format(isoDate), h.Filed.IsZero()),
				dateText(h.FiscalYearEnd.Format("01-02"), h.FiscalYearEnd.IsZero())}
			want := []string{tt.form, tt.cik, tt.company, tt.period, tt.filed, tt.fye}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("header %q, want %q", got, want)
			}
			var types []string
			for _, d := range sub.docs {
				types = append(types, d.Type)
			}
			if strings.Join(types, ",") != strings.Join(tt.types, ",") {
				t.Errorf("documents %q, want %q", types, tt.types)
			}
		})
	}
}

func dateText(s string, zero bool) string {
	if zero {
		return ""
	}
	return s
}

func linesOf(doc string) []line {
	var out []line
	for i, s := range strings.Split(doc, "\n") {
		out = append(out, line{N: i + 1, Text: s})
	}
	return out
}

func TestReadableDocuments(t *testing.T) {
	for typ, want := range map[string]bool{"": true, "10-Q": true, "10-K405": true, "8-K/A": true, "EX-99.1": true, "EX-13": true,
		"EX-13.4": true, "EX-20.1": true, "EX-27": false, "EX-27.1": false, "EX-10.3": false, "EX-23": false, "GRAPHIC": false} {
		if got := readable(typ); got != want {
			t.Errorf("readable(%q) = %v, want %v", typ, got, want)
		}
	}
}

func TestExhibitUnderAnotherNumberIsReadWhenItHoldsAStatement(t *testing.T) {
	statements := "EXHIBIT A\n\nConsolidated balance sheets as at December 31, 1994 and 1993\n\n<TABLE>\n<CAPTION>\n"
	contract := "The Seller shall deliver its consolidated balance sheets and statements of income\n" +
		"as of the Closing Date, as follows:\n\n<TABLE>\n<CAPTION>\n"
	for _, tt := range []struct {
		typ, text string
		want      bool
	}{
		{"EX-15", statements, true},
		{"EX-10.1", contract, false},
		{"EX-27", statements, false},
		{"EX-23", "Consent of independent accountants\n", false},
	} {
		d := document{Type: tt.typ, Lines: linesOf(tt.text)}
		if got := readableDocument(d); got != tt.want {
			t.Errorf("readableDocument(%s %q) = %v, want %v", tt.typ, tt.text[:30], got, tt.want)
		}
	}
}

func TestSameCompany(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"INTEL CORP", "Intel Corporation", true},
		{"APPLE COMPUTER INC", "Apple Computer, Inc.", true},
		{"BRIGHTWATER FOODS CORP", "Brightwater Foods Corp.", true},
		{"AMAZON COM INC", "Junglee Corp.", false},
		{"", "", false},
	} {
		if got := sameCompany(tt.a, tt.b); got != tt.want {
			t.Errorf("sameCompany(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func TestCompanyNames(t *testing.T) {
	for text, want := range map[string]string{
		"CISCO SYSTEMS TO ACQUIRE COMBINET INC. SAN JOSE, Calif. -- Cisco Systems Inc. announced": "Cisco Systems Inc.",
		"ACME CORP. REPORTS FOURTH QUARTER RESULTS":                                               "ACME CORP.",
		"an agreement between Alpha Holdings and Beta Widgets Inc. was signed":                    "",
	} {
		if got := companyName(text); got != want {
			t.Errorf("companyName(%q) = %q, want %q", text, got, want)
		}
	}
	for in, want := range map[string]string{"QUALCOMM INC/DE": "QUALCOMM INC", "VERISIGN INC/CA": "VERISIGN INC", "AT&T CORP": "AT&T CORP", "INTEL CORP /DE/": "INTEL CORP", "A/S NORDIC": "A/S NORDIC"} {
		if got := withoutStateSuffix(in); got != want {
			t.Errorf("withoutStateSuffix(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCompanyNamesInProse(t *testing.T) {
	for text, want := range map[string]string{
		"NEW YORK -- Harbor, Smith and Co. today said":                "Harbor, Smith and Co.",
		"HOUSTON -- Gulf Pipe Line Company reported":                  "Gulf Pipe Line Company",
		"The Company reported higher sales. Acme Widgets Inc. said":   "Acme Widgets Inc.",
		"listed on the New York Stock Exchange, Inc. Acme Corp. said": "Acme Corp.",
		"merged with Beta Holdings Corp. last year":                   "",
		// "attributable to" names the company's own share, not a party.
		"net income attributable to Acme Widgets, Inc. rose": "Acme Widgets, Inc.",
		"sold to Acme Widgets, Inc. last year":               "",
		// Names that begin with a lower-case word before a digit.
		"DALLAS -- i3 Widgets, Inc. today said":  "i3 Widgets, Inc.",
		"DALLAS -- i-80 Widget Corp. today said": "i-80 Widget Corp.",
		// A name starts in its paragraph.
		"Investor Relations\nAcme Widgets Corp. said": "Acme Widgets Corp.",
	} {
		if got := companyName(text); got != want {
			t.Errorf("companyName(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestTickerNames(t *testing.T) {
	tests := []struct {
		text, name, ticker, exchange string
	}{
		{"DALLAS, March 5 /PRNewswire/ -- Acme Widgets Inc. (NYSE: ACW) today announced", "Acme Widgets Inc.", "ACW", "NYSE"},
		{"SUNNYVALE, Calif.--May 22, 2000--Acme Micro Devices (NYSE: AMX) today announced", "Acme Micro Devices", "AMX", "NYSE"},
		{"BOSTON--(BUSINESS WIRE)--March 5, 2002--Led by its new store, Widget.com, Inc. (NASDAQ: WDGT) today", "Widget.com, Inc.", "WDGT", "Nasdaq"},
		{"NEW YORK, March 5 /PRNewswire/ -- Harbor, Smith and Co. (AMEX: HSC) today", "Harbor, Smith and Co.", "HSC", "AMEX"},
		{"DALLAS -- Acme Widgets Company (NASDAQ/NMS: ACWI) reported", "Acme Widgets Company", "ACWI", "Nasdaq"},
		{"DALLAS -- Acme Widgets (Nasdaq:ACWI) reported", "Acme Widgets", "ACWI", "Nasdaq"},
		{"DALLAS -- Acme Widgets Corporation® (Nasdaq: ACWI) reported", "Acme Widgets Corporation", "ACWI", "Nasdaq"},
		{"In Dallas, Acme Widgets (NYSE: ACW) said", "Acme Widgets", "ACW", "NYSE"},
		// A name after "with", "between", "to" or "from" is the other party's.
		{"after its merger with Beta Holdings Corp. (NYSE: BET), Alpha Widgets (NYSE: ALW) said", "Alpha Widgets", "ALW", "NYSE"},
		{"a joint venture between Alpha Co. and Beta Corp. (NYSE: BTA) was formed", "", "", ""},
		{"Gamma sold its unit to Delta Inc. (Nasdaq: DLTA) for cash", "", "", ""},
		// A web address or a defined name can share the ticker's brackets.
		{"DALLAS -- Acme Widgets, Inc. (NASDAQ: ACW, www.acme.com, “Acme” or the “Company”), a leader", "Acme Widgets, Inc.", "ACW", "Nasdaq"},
		// Names that begin with a lower-case word before a digit.
		{"DALLAS (March 5, 2002) – i3 Widgets, Inc. (Nasdaq: IIIW) today", "i3 Widgets, Inc.", "IIIW", "Nasdaq"},
		{"TORONTO, ON, March 5, 2002 – i-80 WIDGET CORP. (TSX:IW) (NYSE American:IWX) today", "i-80 WIDGET CORP.", "IW", "TSX"},
		// A name stops where its paragraph begins.
		{"About Acme Widgets Corp.\nAcme Widgets Corp. (NYSE: ACW) makes widgets", "Acme Widgets Corp.", "ACW", "NYSE"},
	}
	for _, tt := range tests {
		got, ok := firstTicker(tt.text)
		if tt.ticker == "" {
			if ok {
				t.Errorf("firstTicker(%q) = %+v, want none", tt.text, got)
			}
			continue
		}
		if got.name != tt.name || got.ticker != tt.ticker || got.exchange != tt.exchange {
			t.Errorf("firstTicker(%q) = %+v, want %q %q %q", tt.text, got, tt.name, tt.ticker, tt.exchange)
		}
	}
}

func TestCompanyFromTrailerRegistrantHeadline(t *testing.T) {
	for doc, want := range map[string]string{
		"net income rose.\n\nSOURCE Acme Widgets Inc.\n    -0-                03/05/2002\n    /CONTACT: Jane Doe of Acme Widgets, +1-214-555-1212/\n":   "Acme Widgets Inc.",
		"net income rose.\n\n    CONTACT: Acme Widgets\n             Jane Doe, 214/555-1212\n\nCO:  Acme Widgets Inc\nST:  Texas\nIN:  MAN\nSU:  ERN\n": "Acme Widgets Inc",
		"net income rose.\n\nSource: company reports\n": "",
	} {
		if got := trailerCompany(linesOf(doc)); got != want {
			t.Errorf("trailerCompany(%q) = %q, want %q", doc, got, want)
		}
	}
	for doc, want := range map[string]string{
		"FORM 10-K\n\n         ACME WIDGETS, INC.\n(Exact name of registrant as specified in its charter)\n":                                     "ACME WIDGETS, INC.",
		"FORM 8-K\n\n         HARBOR, SMITH AND CO.\n    ----------------------------\n(Exact name of registrant as specified in its charter)\n": "HARBOR, SMITH AND CO.",
		"Acme Widgets Corp (Exact name of registrant as specified in its charter)\n":                                                             "Acme Widgets Corp",
		"FORM 10-K\n\nNEW YORK STOCK EXCHANGE\n": "",
	} {
		if got := registrantName(linesOf(doc)); got != want {
			t.Errorf("registrantName(%q) = %q, want %q", doc, got, want)
		}
	}
	for title, want := range map[string]string{
		"ACME WIDGETS REPORTS FOURTH QUARTER RESULTS": "ACME WIDGETS",
		"Harbor Bank To Acquire Coastal Savings Inc.": "Harbor Bank",
		"INTEL THIRD QUARTER REVENUE $7.3 BILLION":    "INTEL",
		"ACME CORP. ANNOUNCES $4.8 MILLION FINANCING": "ACME CORP.",
		"Record Results for Acme":                     "",
		"Acme’s Future: Evolving to Become a Leader":  "",
		"Acme's Board Names a New Chair":              "",
		"strong demand lifts sales, Acme reports":     "",
		"": "",
	} {
		if got := headlineCompany(title); got != want {
			t.Errorf("headlineCompany(%q) = %q, want %q", title, got, want)
		}
	}
}

// TestDefinedCompany: the name a release defines as "the Company" is the
// filer's, past a ticker's brackets and whatever deal word stands before
// it.
func TestDefinedCompany(t *testing.T) {
	for text, want := range map[string]string{
		"Alpha Partners today completed its acquisition of Acme Widgets, Inc. (“Acme” or the “Company”), a leader": "Acme Widgets, Inc.",
		"DALLAS -- Acme Widgets, Inc. (Nasdaq: ACW) (“Acme” or the “Company”) today":                               "Acme Widgets, Inc.",
		"after its merger with Acme Holdings Corp. (the \"Company\"), Beta said":                                   "Acme Holdings Corp.",
		"DALLAS -- Acme Widgets, Incorporated (the “Company” and Nasdaq: ACW) today":                               "Acme Widgets, Incorporated",
		"Acme and its subsidiaries (collectively, the “Company”) make widgets":                                     "",
		"the Company (NYSE: ACW) said":      "",
		"Beta Corp. and the Company signed": "",
	} {
		if got := definedCompany(text); got != want {
			t.Errorf("definedCompany(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestSpellings: a name takes a suffix from the text but not "the"; an
// upper-case name takes the text's mixed-case spelling but not a web
// address's; a name read once takes the spelling the text uses twice.
func TestSpellings(t *testing.T) {
	for _, tt := range []struct{ f, name, text, want string }{
		{"withSuffix", "Alpha Partners", "Alpha Partners, the world's largest investor, and Alpha Partners, Inc. said", "Alpha Partners, Inc."},
		{"withSuffix", "Alpha Partners", "Alpha Partners, the world's largest investor", "Alpha Partners"},
		{"preferSpelling", "4M", "visit www.4m.com or call 4M", "4M"},
		{"preferSpelling", "4M", "visit www.4m.com. 4m Widgets said", "4M"},
		{"preferSpelling", "i-80 WIDGET CORP.", "i-80 WIDGET CORP. (TSX: IW) said. About i-80 Widget Corp.", "i-80 Widget Corp."},
		{"usualSpelling", "Acme Coper and Zinc Corp.", "Acme Copper and Zinc Corp. Signs LOI\nAcme Coper and Zinc Corp. (OTC: ACZ) said\nAbout Acme Copper and Zinc Corp.", "Acme Copper and Zinc Corp."},
		{"usualSpelling", "Acme Coper and Zinc Corp.", "Acme Copper and Zinc Corp. Signs LOI\nAcme Coper and Zinc Corp. (OTC: ACZ) said", "Acme Coper and Zinc Corp."},
		{"usualSpelling", "Acme Holdings Corp.", "Acme Holdings Corp. owns Acme Holding Inc. and Acme Holding Inc. makes widgets", "Acme Holdings Corp."},
		{"usualSpelling", "Acme Holdings Corp.", "Acme Holdings Corp. owns Zeta Widgets Inc.\nZeta Widgets Inc. makes widgets", "Acme Holdings Corp."},
	} {
		var got string
		switch tt.f {
		case "withSuffix":
			got = withSuffix(tt.name, tt.text)
		case "preferSpelling":
			got = preferSpelling(tt.name, tt.text)
		case "usualSpelling":
			got = usualSpelling(tt.name, tt.text)
		}
		if got != tt.want {
			t.Errorf("%s(%q, %q) = %q, want %q", tt.f, tt.name, tt.text, got, tt.want)
		}
	}
}

// TestCompanyOrderOfTrust parses made-up releases: the name before the
// ticker outranks the wire trailer, which outranks the headline, which
// outranks the first name with a suffix in the prose; the SEC header
// outranks them all.
func TestCompanyOrderOfTrust(t *testing.T) {
	const body = "\nnet sales rose 5% to $12.4 million, the Company said. Beta Supply Corp. was a customer.\n\n"
	tests := []struct{ name, doc, want string }{
		{"ticker over trailer", "ACME REPORTS RESULTS\n\nDALLAS, March 5, 2002 /PRNewswire/ -- Acme Widgets (NYSE: ACW) today said" + body +
			"SOURCE Acme Holdings Inc.\n", "Acme Widgets"},
		{"ticker name completed by its suffix", "ACME REPORTS RESULTS\n\nDALLAS, March 5, 2002 -- Acme Widgets (NYSE: ACW) today said" + body +
			"Acme Widgets, Inc. makes widgets.\n", "Acme Widgets, Inc."},
		{"trailer over headline", "GAMMA REPORTS RESULTS\n\nDALLAS, March 5, 2002 /PRNewswire/ -- Record sales lifted the quarter" + body +
			"SOURCE Acme Widgets Inc.\n", "Acme Widgets Inc."},
		{"headline over prose", "Harbor Smith Reports Record Year\n\nDALLAS, March 5, 2002 -- Harbor Smith today said" + body, "Harbor Smith"},
		{"defined company over the headline", "Alpha Partners Completes Acquisition of Acme\n\nDALLAS, March 5, 2002 -- Alpha Partners, the world's largest " +
			"investor, today completed its acquisition of Acme Widgets, Inc. (“Acme” or the “Company”)." + body, "Acme Widgets, Inc."},
		{"ticker over the defined company", "ACME REPORTS RESULTS\n\nDALLAS, March 5, 2002 -- Acme Widgets (NYSE: ACW) today said" + body +
			"Zeta Corp. (the “Company”) is a customer.\n", "Acme Widgets"},
		{"a name in its own paragraph", "RECORD YEAR FOR THE GROUP\n\nDALLAS, March 5, 2002 -- Sales rose" + body +
			"About Acme Widgets Corp.\n\nAcme Widgets Corp. (NYSE: ACW) makes widgets.\n", "Acme Widgets Corp."},
		{"prose last", "RECORD YEAR FOR THE GROUP\n\nDALLAS, March 5, 2002 -- Harbor, Smith and Co. today said" + body, "Harbor, Smith and Co."},
		{"header first", "<SEC-HEADER>\nACCESSION NUMBER: 0000000000-02-000001\nCONFORMED SUBMISSION TYPE: 8-K\nFILED AS OF DATE: 20020306\n" +
			"COMPANY CONFORMED NAME: ZETA INDUSTRIES INC\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\n" +
			"ACME REPORTS RESULTS\n\nDALLAS, March 5, 2002 -- Acme Widgets (NYSE: ACW) today said" + body + "</TEXT>\n</DOCUMENT>\n", "ZETA INDUSTRIES INC"},
	}
	// Submissions without an SEC header: an 8-K body, then its release.
	doc := func(typ, text string) string {
		return "<DOCUMENT>\n<TYPE>" + typ + "\n<TEXT>\n" + text + "</TEXT>\n</DOCUMENT>\n"
	}
	tests = append(tests,
		struct{ name, doc, want string }{"cover-page registrant over a ticker",
			doc("8-K", "FORM 8-K\n\n   ACME WIDGETS, INC.\n(Exact name of registrant as specified in its charter)\n\nItem 5. Other Events\n") +
				doc("EX-99", "ACME REPORTS RESULTS\n\nDALLAS, March 5, 2002 -- Zeta Widgets (NYSE: ZW) today said"+body), "ACME WIDGETS, INC."},
		struct{ name, doc, want string }{"the cover's registrant in the release's spelling",
			doc("8-K", "FORM 8-K\n\n   ACME WIDGETS, INC.\n(Exact name of registrant as specified in its charter)\n\nItem 5. Other Events\n") +
				doc("EX-99", "ACME REPORTS RESULTS\n\nDALLAS, March 5, 2002 -- Acme Widgets, Inc. (NYSE: ACW) today said"+body), "Acme Widgets, Inc."},
		struct{ name, doc, want string }{"a release's ticker over an 8-K's prose",
			doc("8-K", "FORM 8-K\n\nItem 2. On March 1, 2002 Beta Supply Corp. sold its plant.\n") +
				doc("EX-99", "ACME REPORTS RESULTS\n\nDALLAS, March 5, 2002 -- Acme Widgets (NYSE: ACW) today said"+body), "Acme Widgets"},
	)
	for _, tt := range tests {
		f, err := (&Parser{}).Parse(strings.NewReader(tt.doc), "release.txt")
		if err != nil {
			t.Fatal(err)
		}
		if f.Company != tt.want {
			t.Errorf("%s: company %q, want %q", tt.name, f.Company, tt.want)
		}
	}
}

func TestFindDates(t *testing.T) {
	for s, want := range map[string]string{
		"DALLAS, March 5, 2002 -- Acme":        "2002-03-05",
		"OMAHA, Neb., Sept. 28, 1998 /":        "1998-09-28",
		"SANTA CLARA, Calif., Jan.13, 2000 --": "2000-01-13",
		"DALLAS, March 5 /PRNewswire/ --":      "0-03-05",
		"sales may 5, 2002":                    "",
		"in May 2002":                          "",
		"February 30, 2002":                    "",
		"February 29, 2001":                    "",
		"by March 31st":                        "",
	} {
		got := ""
		if m := findDates(s); len(m) > 0 {
			got = fmt.Sprintf("%d-%02d-%02d", m[0].year, m[0].month, m[0].day)
		}
		if got != want {
			t.Errorf("findDates(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestDatelines(t *testing.T) {
	tests := []struct{ doc, text, date, yearless string }{
		{"ACME REPORTS\n\nNEW YORK, March 5, 2002 /PRNewswire/ -- Acme Widgets", "NEW YORK, March 5, 2002", "2002-03-05", ""},
		{"SEATTLE--(BUSINESS WIRE)--Feb. 2, 2000--Led by", "SEATTLE--(BUSINESS WIRE)--Feb. 2, 2000", "2000-02-02", ""},
		{"Rancho Cordova, California (February 13, 2004) - ACME", "Rancho Cordova, California (February 13, 2004)", "2004-02-13", ""},
		{"DALLAS, Texas - March 5, 2002 - Acme", "DALLAS, Texas - March 5, 2002", "2002-03-05", ""},
		{"CUPERTINO, Calif. April 16, 1997  Acme Computer, Inc. today", "CUPERTINO, Calif. April 16, 1997", "1997-04-16", ""},
		{"SCOTTS VALLEY and MOUNTAIN VIEW, Calif. - March 29, 2000 - Acme", "SCOTTS VALLEY and MOUNTAIN VIEW, Calif. - March 29, 2000", "2000-03-29", ""},
		{"DALLAS, Tuesday, March 5, 2002 (BUSINESS WIRE) -- Acme", "DALLAS, Tuesday, March 5, 2002", "2002-03-05", ""},
		// A name that starts with a digit after the dash is no date range.
		{"ST. PAUL, Minn. – Feb. 5, 2002 – 4M (NYSE: FMM) said", "ST. PAUL, Minn. – Feb. 5, 2002", "2002-02-05", ""},
		// A state's or province's code is part of the place.
		{"TORONTO, ON, January 29, 2002 – Acme Corp.", "TORONTO, ON, January 29, 2002", "2002-01-29", ""},
		{"INDIANAPOLIS, IN - March 5, 2002 - Acme", "INDIANAPOLIS, IN - March 5, 2002", "2002-03-05", ""},
		// A comma after the date, before the story; a comma astray.
		{"Salt Lake City, UT, February 4, 2002, Acme Corp. (Nasdaq: ACME) today", "Salt Lake City, UT, February 4, 2002", "2002-02-04", ""},
		{"Silicon Valley , CA (April 16, 2002) – Acme", "Silicon Valley , CA (April 16, 2002)", "2002-04-16", ""},
		// Wire datelines without a year wait for one.
		{"DALLAS, March 5 /PRNewswire/ -- Acme Widgets", "", "", "DALLAS, March 5 on 3/5"},
		{"     New York, January 18 --  Acme Bank today", "", "", "New York, January 18 on 1/18"},
		// A date alone under the masthead.
		{"FOR IMMEDIATE RELEASE\n\n    Tuesday, March 5, 2002\n\nACME REPORTS", "March 5, 2002", "2002-03-05", ""},
		{"For Immediate Release\nContact: Jane Doe\nMarch 5, 2002\n", "March 5, 2002", "2002-03-05", ""},
		{"FOR IMMEDIATE RELEASE: March 5, 2002\n", "March 5, 2002", "2002-03-05", ""},
		// The masthead date comes before the dateline without a year.
		{"FOR IMMEDIATE RELEASE\nTuesday, January 18, 1994\n\nNew York, January 18 -- Acme", "January 18, 1994", "1994-01-18", ""},
		// Not datelines.
		{"On March 5, 2002 - the day it closed - Acme", "", "", ""},
		{"Date of Report (Date of earliest event reported): March 5, 2002", "", "", ""},
		{"Date:  March 5, 2002          By: /s/ Jane Doe", "", "", ""},
		{"For the quarterly period ended March 31, 2002 -- Commission file", "", "", ""},
		{"net sales for the quarter ended March 31, 2002 - up 5%", "", "", ""},
		{"March 5 -- Acme said", "", "", ""},
		{"ACME REPORTS RESULTS FOR THE QUARTER ENDED MARCH 31, 2002 - RECORD SALES", "", "", ""},
		{"Balance at March 31, 2002 (Unaudited)", "", "", ""},
		{"TOTAL, March 31, 2002 (unaudited)", "", "", ""},
		{"JUNE 3, 1996 (INCEPTION) TO DECEMBER 31, 1996", "", "", ""},
		{"March 1, 2002 - March 31, 2002", "", "", ""},
		{"DALLAS, March 1, 2002 - 31 stores opened", "", "", ""},
		{"Acme Corp., on March 5, 2002 - the day it closed", "", "", ""},
		{"Acme said, on March 5, 2002, Beta Corp. closed", "", "", ""},
		{"On March 5, 2002, Acme Corp. said", "", "", ""},
		{"Total, March 31, 2002, As Restated", "", "", ""},
		{"DALLAS, March 31, 2002, 1,234", "", "", ""},
		{"DALLAS, March 5 - 7, 2002 the fair", "", "", ""},
		{"Balance, March 31, 2002      1,234      5,678", "", "", ""},
		// A date alone atop a release's page, over its headline.
		{"March 5, 2002\n\nACME REPORTS RESULTS", "March 5, 2002", "2002-03-05", ""},
		{"Item 5.\n<PAGE>\n\nMarch 5, 2002\n\nAcme Announces First-Quarter Results\n", "March 5, 2002", "2002-03-05", ""},
		{"<PAGE>\nMarch 5, 2002\n\n   Net sales     1,234\n", "", "", ""},
		{"<PAGE>\nACME CORP\nMarch 5, 2002\n\nAcme Announces Results\n", "", "", ""},
		{"<TABLE>\nDALLAS, March 5, 2002 -- Acme\n</TABLE>\n", "", "", ""},
	}
	for _, tt := range tests {
		text, d, y, _ := dateline(linesOf(tt.doc), true)
		got := ""
		if !d.IsZero() {
			got = d.Format(isoDate)
		}
		gotY := ""
		if y != nil {
			gotY = fmt.Sprintf("%s on %d/%d", y.dateline, y.month, y.day)
		}
		if text != tt.text || got != tt.date || gotY != tt.yearless {
			t.Errorf("dateline(%q) = %q %q %q, want %q %q %q", tt.doc, text, got, gotY, tt.text, tt.date, tt.yearless)
		}
	}
}

// TestReleaseYear: a dateline without a year takes it from the wire
// trailer, the filing date, the tables' latest period end or the date the
// text names most, in that order, and says so; with none it stays open
// with a warning.
func TestReleaseYear(t *testing.T) {
	table := func(end string) []*Table {
		e, _ := time.Parse(isoDate, end)
		return []*Table{{Columns: []Column{{Period: Period{End: e, Months: 3}}}}}
	}
	tests := []struct {
		name      string
		month     time.Month
		day       int
		doc       string
		filed     string
		tables    []*Table
		want, why string
	}{
		{"trailer", 1, 2, "sales rose.\n\n    -0-          12/31/2001\n    /CONTACT: Jane Doe/\n", "", table("2001-09-30"), "2002-01-02", "wire trailer"},
		{"short trailer year", 3, 5, "sales rose.\n  -0- 03/05/02\n", "", nil, "2002-03-05", "wire trailer"},
		{"filing date", 12, 28, "sales rose.\n", "2002-01-04", table("2001-09-30"), "2001-12-28", "filing date"},
		{"period end", 1, 24, "sales rose.\n", "", table("2001-12-31"), "2002-01-24", "period end"},
		{"dates in the text", 2, 5, "for the quarter ended December 31, 2001, against the quarter ended\nDecember 31, 2000; at December 31, 2001 cash was up\n",
			"", nil, "2002-02-05", "names most"},
		{"nothing", 2, 5, "sales rose.\n", "", nil, "", "left open"},
	}
	for _, tt := range tests {
		ctx := &docContext{file: "release.txt", yearless: &yearless{month: tt.month, day: tt.day, line: 1, dateline: "DALLAS"}}
		ctx.filed, _ = time.Parse(isoDate, tt.filed)
		f := &Filing{}
		ctx.settleReleaseYear(f, linesOf(tt.doc), tt.tables)
		got := ""
		if !f.ReleaseDate.IsZero() {
			got = f.ReleaseDate.Format(isoDate)
		}
		if got != tt.want {
			t.Errorf("%s: release %q, want %q", tt.name, got, tt.want)
		}
		if len(ctx.diags) != 1 || !strings.Contains(ctx.diags[0].Msg, tt.why) {
			t.Errorf("%s: diagnostics %+v, want one saying %q", tt.name, ctx.diags, tt.why)
		}
	}
}

// TestYearlessDatelineParsed: end to end, a bare release dated "DALLAS,
// March 5 /PRNewswire/" gets its year from its trailer.
func TestYearlessDatelineParsed(t *testing.T) {
	doc := "ACME WIDGETS REPORTS FOURTH QUARTER RESULTS\n\nDALLAS, March 5 /PRNewswire/ -- Acme Widgets Inc. (NYSE: ACW) today reported\n" +
		"net sales of $12.4 million.\n\nSOURCE Acme Widgets Inc.\n    -0-                03/05/2002\n"
	f, err := (&Parser{}).Parse(strings.NewReader(doc), "release.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got := f.ReleaseDate.Format(isoDate); got != "2002-03-05" || f.Dateline != "DALLAS, March 5" {
		t.Errorf("release %s dateline %q, want 2002-03-05 \"DALLAS, March 5\"", got, f.Dateline)
	}
	if len(f.Titles) != 1 || f.Titles[0] != "ACME WIDGETS REPORTS FOURTH QUARTER RESULTS" {
		t.Errorf("titles %q", f.Titles)
	}
}

func TestHeadlines(t *testing.T) {
	const cover = "<PAGE>\n                SECURITIES AND EXCHANGE COMMISSION\n                     Washington, D.C. 20549\n\n" +
		"                            FORM 8-K\n\n                         CURRENT REPORT\n\nItem 5. Other Events\n\n" +
		"The registrant's press release is attached.\n\n"
	tests := []struct {
		name, doc string
		release   bool
		want      string
	}{
		{"mastheads and contact block", "NEWS RELEASE\n\nFOR IMMEDIATE RELEASE\n\nCONTACT: Jane Doe\n         Investor Relations\n\n" +
			"         ACME WIDGETS REPORTS\n           RECORD YEAR\n\nDALLAS, March 5, 2002 -- Acme", true, "ACME WIDGETS REPORTS RECORD YEAR"},
		{"letterhead and right-hand contacts", "                 [ACME LOGO]\n\n1 Main Street\nDallas, TX 75201\n(214) 555-1212\nwww.acme.com\n\n" +
			"Press Room\n\n" + strings.Repeat(" ", 60) + "CONTACTS:\n" + strings.Repeat(" ", 60) + "Jane Doe\n\n" +
			strings.Repeat(" ", 60) + "John Roe\n" + strings.Repeat(" ", 55) + "Investor Relations\n\n" +
			"Acme and Beta Close Widget Deal\n\nDALLAS -- March 5, 2002 -- Acme", true, "Acme and Beta Close Widget Deal"},
		{"contacts in a table", "FOR IMMEDIATE RELEASE\n\n<TABLE>\n<S>   <C>\nCONTACT:\nJane Doe     John Roe\n</TABLE>\n\n" +
			"ACME BUYS BETA'S WIDGET LINE\n\nDALLAS, March 5, 2002", true, "ACME BUYS BETA'S WIDGET LINE"},
		{"sub-headline in lower case", "EXHIBIT 99.1\n\nACME REPORTS RECORD YEAR\nEarnings per share up 15% on higher widget sales\n\nDALLAS", true, "ACME REPORTS RECORD YEAR"},
		{"8-K cover page alone", cover + "Item 7. Exhibits\n\n99.1 Press release dated March 5, 2002\n", true, ""},
		{"8-K carrying its release", cover + "<PAGE>\n\nExhibit 99.1\n\nAcme Reports Record Year\n\nDALLAS, March 5, 2002 -- Acme", true, "Acme Reports Record Year"},
		{"8-K release after a page break", cover + "<PAGE>\n\nAcme Reports Record Year\n\nDALLAS, March 5, 2002 -- Acme", true, "Acme Reports Record Year"},
		// HTML sets a headline's lines apart as paragraphs: one that ends in
		// a joining word or a verb, or is followed by a lower-case word,
		// goes on.
		{"headline over paragraphs", "Exhibit 99.1\n\nAcme Announces Results for the\n\nFourth Quarter of 2002\n\nNew Buyback Approved\n\n" +
			"DALLAS, March 5, 2002 -- Acme", true, "Acme Announces Results for the Fourth Quarter of 2002"},
		{"headline ends in its verb", "Acme Widgets Announces\n\nRecord Results\n\nDALLAS, March 5, 2002 -- Acme", true, "Acme Widgets Announces Record Results"},
		{"headline goes on in lower case", "Acme Adds Two Directors\n\nand Names a New Chair\n\nDALLAS, March 5, 2002 -- Acme", true,
			"Acme Adds Two Directors and Names a New Chair"},
		{"sub-headline starts with a name", "Acme Reports Record Year\n\neBay Deal Lifts Sales\n\nDALLAS, March 5, 2002", true, "Acme Reports Record Year"},
		{"the dateline never goes on", "Acme Widgets Reports\n\nDALLAS, March 5, 2002 -- Acme Widgets reported", true, "Acme Widgets Reports"},
		// A list's items are no headline, nor is the story under its dateline.
		{"bullets, then the dateline", "NEWS\n\n\uf0b7 Acme widens its lead in widgets\n\n• Sales rose 5%\n\n" +
			"DALLAS, March 5, 2002 – Acme Widgets Corp. today said sales rose", true, ""},
		{"headline over bullets", "Acme Reports Record Year\n\n• Sales rose 5%\n\nDALLAS, March 5, 2002 – Acme", true, "Acme Reports Record Year"},
		{"not a release", "ANNUAL REPORT TO SHAREHOLDERS\n\nDear shareholder", false, ""},
	}
	for _, tt := range tests {
		lines := linesOf(tt.doc)
		_, _, _, at := dateline(lines, tt.release)
		if got := headline(lines, at, tt.release); got != tt.want {
			t.Errorf("%s: headline %q, want %q", tt.name, got, tt.want)
		}
	}
}

package extract

import (
	"strings"
	"testing"
	"time"
)

// Column periods of small documents, typed by hand: a period is never
// guessed from a year alone unless the document makes the year's end known.
func TestColumnPeriodsFromTheWholeDocument(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string // each column's period, "-" for none
	}{
		{
			name: "period words only in the title",
			doc: "                       CONSOLIDATED STATEMENT OF EARNINGS\n" +
				"                      FOR THE THREE MONTHS ENDED MARCH 31:\n\n" +
				"<TABLE>\n(Dollars in millions)                 1998        1997\n" +
				"Revenue                             $ 7,120     $ 7,761\nNet earnings                          1,328       1,195\n</TABLE>\n",
			want: []string{"3 months to 1998-03-31", "3 months to 1997-03-31"},
		},
		{
			name: "52/53-week years: a year's end only when the text states it",
			doc: "Fiscal 1994 was a 53-week year and ended on December 31, 1994. Fiscal 1993 ended on December 25, 1993.\n\n" +
				"                       CONSOLIDATED STATEMENTS OF INCOME\n" +
				"                       Three years ended December 31, 1994\n<TABLE>\n" +
				"(In millions)                                1994        1993        1992\n" +
				"Net revenues                              $11,521     $ 8,782     $ 5,844\n" +
				"Net income                                  2,288       2,295       1,067\n</TABLE>\n",
			want: []string{"12 months to 1994-12-31", "12 months to 1993-12-25", "-"},
		},
		{
			name: "a month on one row and the day and year on the next",
			doc: "                        CONSOLIDATED BALANCE SHEETS\n<TABLE>\n" +
				"                                     September      December\n" +
				"                                     30, 1998       31, 1997\n" +
				"Cash                                $  903,726    $  954,595\nTotal assets                        $4,255,269    $3,490,109\n</TABLE>\n",
			want: []string{"at 1998-09-30", "at 1997-12-31"},
		},
		{
			name: "a day whose month was never read gives no period",
			doc: "                        CONSOLIDATED BALANCE SHEETS\n<TABLE>\n" +
				"                                     30, 1998       31, 1997\n" +
				"Cash                                $  903,726    $  954,595\nTotal assets                        $4,255,269    $3,490,109\n</TABLE>\n",
			want: []string{"-", "-"},
		},
		{
			name: "a quarter headed by a year alone gets none",
			doc: "                        STATEMENTS OF OPERATIONS\n<TABLE>\n" +
				"                              Three Months Ended\n" +
				"                                1998      1997\n" +
				"Net sales                     $1,601    $2,185\nNet income                       $12       $15\n</TABLE>\n",
			want: []string{"-", "-"},
		},
		{
			name: "a long title at the margin names the statement and its years",
			doc: "Prose of the report ends here.\n\n" +
				"Consolidated statement of cash flows for the years 2001 and 2000\n<TABLE>\n" +
				"                          December 31, 2001     December 31, 2000\n" +
				"Net income                            1,328                 1,195\n" +
				"Total operating activities            2,400                 2,150\n</TABLE>\n",
			want: []string{"12 months to 2001-12-31", "12 months to 2000-12-31"},
		},
		{
			name: "one date over gross, amortization and net columns: only Net reports it",
			doc: "                        Consolidated balance sheets\n<TABLE>\n" +
				"                        December 31, 2001                December 31, 2000\n\n" +
				"              Gross     Amortization        Net                       Net\n" +
				"Goodwill    224,713         (45,775)      178,938                186,100\n" +
				"Total       946,831        (539,393)      407,438                418,897\n</TABLE>\n",
			want: []string{"-", "-", "at 2001-12-31", "at 2000-12-31"},
		},
		{
			name: "quarters under a year's end date get no period but the fourth",
			doc: "                        SELECTED QUARTERLY DATA\n<TABLE>\n" +
				"                             Year Ended September 28, 2001\n" +
				"                       Fourth      Third      Second      First\n" +
				"                       Quarter    Quarter     Quarter    Quarter\n" +
				"Net sales              $1,556     $1,402      $1,405     $1,578\n" +
				"Net income                $10        $12         $14        $15\n</TABLE>\n",
			want: []string{"3 months to 2001-09-28", "-", "-", "-"},
		},
		{
			name: "a title naming each column's date: a 52/53-week year's end in the next calendar year",
			doc: "                          CONSOLIDATED BALANCE SHEETS\n" +
				"                  AS OF DECEMBER 31, 2000 AND JANUARY 2, 2000\n\n<TABLE>\n" +
				"(DOLLARS IN THOUSANDS)                                   2000          1999\n" +
				"Cash                                                $  125,551    $  126,650\nTotal assets                                        $2,260,179    $1,714,640\n</TABLE>\n",
			want: []string{"at 2000-12-31", "at 2000-01-02"},
		},
		{
			name: "a long title in capitals names a first period from inception to the year end",
			doc: "JUNGLEE CORP.\n\nSTATEMENTS OF CASHFLOWS\n" +
				"YEAR ENDED DECEMBER 31, 1997 AND PERIOD FROM JUNE 3, 1996 (INCEPTION)\nTO DECEMBER 31, 1996\n" +
				"- --------------------------------------------------------------------------------\n\n<TABLE>\n" +
				"                                                    1997                1996\n" +
				"Net loss                                        $(4,200,103)        $(742,411)\n" +
				"Net cash used in operating activities            (3,883,963)         (418,634)\n" +
				"Cash and cash equivalents, end of period           1,576,716         2,415,200\n</TABLE>\n",
			want: []string{"12 months to 1997-12-31", "7 months to 1996-12-31"},
		},
		{
			name: "a column headed by its period from inception",
			doc: "                            STATEMENT OF OPERATIONS\n<TABLE>\n" +
				"                                     Period from                          Period from\n" +
				"                                     September 1,                         September 1,\n" +
				"                                   1998 (inception)     Three months    1998 (inception)\n" +
				"                                    to December 31,   ended March 31,     to March 31,\n" +
				"                                         1998               1999              1999\n" +
				"Operating expenses                      $   74            $  758            $  832\n" +
				"Net loss                                $  (74)           $ (746)           $ (820)\n</TABLE>\n",
			want: []string{"4 months to 1998-12-31", "3 months to 1999-03-31", "7 months to 1999-03-31"},
		},
		{
			name: "a year's end by the rule the prose states; a spanning header's date is not every year's",
			doc: "The Company's fiscal year-end is the last Friday in September. Fiscal 1993 ended on September 24, 1993.\n\n" +
				"                       CONSOLIDATED STATEMENTS OF INCOME\n<TABLE>\n" +
				"                           Fiscal years ended September 30, 1994\n" +
				"(In thousands)                      1994          1993          1992\n" +
				"Net sales                     $ 9,188,748   $ 7,976,954   $ 7,086,542\n" +
				"Net income                    $   310,178   $    86,589   $   530,373\n</TABLE>\n",
			want: []string{"12 months to 1994-09-30", "12 months to 1993-09-24", "12 months to 1992-09-25"},
		},
		{
			name: "a stated rule that the printed dates do not keep is not used",
			doc: "The Company's fiscal year ends on the Saturday nearest March 31. Fiscal 1996 ended on March 31, 1996 and fiscal 1995 ended on March 31, 1995.\n\n" +
				"                       CONSOLIDATED STATEMENTS OF INCOME\n" +
				"                       Three years ended March 31, 1996\n<TABLE>\n" +
				"(In thousands)                      1996          1995          1994\n" +
				"Net revenues                  $   531,900   $   493,311   $   418,208\n" +
				"Net income                    $    40,873   $    55,845   $    44,677\n</TABLE>\n",
			want: []string{"12 months to 1996-03-31", "12 months to 1995-03-31", "-"},
		},
		{
			name: "one header naming both dates over the year row",
			doc: "                        CONSOLIDATED BALANCE SHEETS\n<TABLE>\n" +
				"                              September 27, 1996, and September 29, 1995\n" +
				"(Dollars in millions)                       1996            1995\n" +
				"Cash                                     $ 1,552         $   756\nTotal assets                             $ 5,364         $ 6,231\n</TABLE>\n",
			want: []string{"at 1996-09-27", "at 1995-09-29"},
		},
		{
			name: "one header listing both dates with no year row pairs them by place",
			doc: "                        CONSOLIDATED BALANCE SHEETS\n<TABLE>\n" +
				"                                      May 4, 2002 and May 5, 2001\n" +
				"Cash                                     $ 1,552         $   756\nTotal assets                             $ 5,364         $ 6,231\n</TABLE>\n",
			want: []string{"at 2002-05-04", "at 2001-05-05"},
		},
		{
			name: "a date under the period words of a sentence is the column's own",
			doc: "Comprehensive income for the three months ending March 31, 1998 and 1997 follows (in millions):\n\n" +
				"                                         March 31,        March 31,\n" +
				"                                           1998             1997\n" +
				"Net income                               $    111         $    270\n" +
				"Translation adjustments                       (71)            (201)\n" +
				"Comprehensive income                     $     40         $     69\n",
			want: []string{"3 months to 1998-03-31", "3 months to 1997-03-31"},
		},
		{
			name: "pro forma columns named under the date get no period",
			doc: "                 PRO FORMA CONDENSED COMBINED BALANCE SHEET\n<TABLE>\n" +
				"                                                 June 28, 1998\n" +
				"                                     ---------------------------------------\n" +
				"                                                     Pro Forma\n" +
				"                                     Historical     Adjustments     Pro Forma\n" +
				"Cash                                 $ 179,905      $       0      $ 179,905\n" +
				"Total assets                         $ 900,000      $  10,000      $ 910,000\n</TABLE>\n",
			want: []string{"at 1998-06-28", "-", "-"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := (&Parser{}).Parse(strings.NewReader(tt.doc), "p.txt")
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Tables) != 1 {
				t.Fatalf("%d tables", len(f.Tables))
			}
			var got []string
			for _, c := range f.Tables[0].Columns {
				if c.Period.IsZero() {
					got = append(got, "-")
				} else {
					got = append(got, c.Period.String())
				}
			}
			if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("periods %q, want %q", got, tt.want)
			}
		})
	}
}

// The day a stated rule ends each year on.
func TestYearRules(t *testing.T) {
	tests := []struct {
		prose string
		month time.Month
		year  int
		want  string
	}{
		{"The Company's fiscal year-end is the last Friday in September.", time.September, 1992, "1992-09-25"},
		{"The Company's fiscal year-end is the last Friday in September.", time.September, 1994, "1994-09-30"},
		{"The fiscal year ends on the Sunday closest to January 31 of each year.", time.January, 1992, "1992-02-02"},
		{"a 52/53 week year ending on the Friday closest to November 30.", time.November, 1995, "1995-12-01"},
		{"a 52- or 53-week fiscal year ending on the Saturday nearest the end of December.", time.December, 1994, "1994-12-31"},
		{"each fiscal quarter ends on the Sunday closest to March 31, June 30, and September 30", time.December, 1998, "-"},
		{"Dividends are paid on the last Friday of each month.", time.September, 1994, "-"},
	}
	for _, tt := range tests {
		got := "-"
		if rules := yearRulesIn(strings.ToLower(tt.prose), tt.month); len(rules) == 1 {
			got = rules[0].end(tt.year).Format(isoDate)
		}
		if got != tt.want {
			t.Errorf("%q in %d: %s, want %s", tt.prose, tt.year, got, tt.want)
		}
	}
}

package htmlgrid

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// scanAsTokenizer reads every tag of a document twice, with the
// tokenizer's TagName and TagAttr and with tagScanner over the raw bytes,
// and reports the first tag they read differently. Where the scanner
// hands over to the tokenizer (a name or key with a NUL, a value with an
// entity, a carriage return or a NUL) only what it reads itself is held
// to the tokenizer's.
func scanAsTokenizer(doc []byte) error {
	z := html.NewTokenizer(bytes.NewReader(doc))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return nil
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken && tt != html.EndTagToken {
			continue
		}
		raw := bytes.Clone(z.Raw())
		s := newTagScanner(raw, tt == html.EndTagToken)
		name, more := z.TagName()
		var buf [64]byte
		if got, ok := lowerASCII(buf[:], s.name()); ok && string(got) != string(name) {
			return fmt.Errorf("%q: name %q, the tokenizer's %q", raw, got, name)
		}
		if tt == html.EndTagToken {
			continue
		}
		var want []string
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			want = append(want, fmt.Sprintf("%s=%q", k, v))
		}
		var got []string
		seen := map[string]bool{}
		for {
			k, v, ok := s.next()
			if !ok {
				break
			}
			lower := []byte(string(k))
			for i, c := range lower {
				if 'A' <= c && c <= 'Z' {
					lower[i] = c + 'a' - 'A'
				}
			}
			// The tokenizer drops a repeated key as written (lower-cased),
			// before it replaces NUL: so does this.
			if len(k) == 0 || seen[string(lower)] {
				continue
			}
			seen[string(lower)] = true
			key := strings.ReplaceAll(string(lower), "\x00", "\ufffd")
			if !plainValue(v) {
				got = append(got, string(key)+"=<tokenizer's>")
			} else {
				got = append(got, fmt.Sprintf("%s=%q", key, v))
			}
		}
		if len(got) != len(want) {
			return fmt.Errorf("%q: attributes %q, the tokenizer's %q", raw, got, want)
		}
		for i := range got {
			if k, ok := strings.CutSuffix(got[i], "=<tokenizer's>"); ok && strings.HasPrefix(want[i], k+"=") {
				continue
			}
			if got[i] != want[i] {
				return fmt.Errorf("%q: attribute %q, the tokenizer's %q", raw, got[i], want[i])
			}
		}
	}
}

// tagScanner reads every tag of the corpus's filings and the fixtures as
// the tokenizer does.
func TestTagScannerAsTokenizer(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../../shared/corpus/html/*", "../../testdata/html/*.htm", trapsDir + "/*", "../../testdata/hostile/*"} {
		more, _ := filepath.Glob(pattern)
		files = append(files, more...)
	}
	if len(files) < 10 {
		t.Fatalf("%d files", len(files))
	}
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := scanAsTokenizer(raw); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, doc := range []string{
		`<td style="a" STYLE="b" Style='c' colspan=3 rowspan = "2"/>`, `<p =x a=/>`, `<a b="c"d=e f='g'h>`, `<a/b/c=/d>`,
		"<a\x00b c\x00=d e=f\x00g>", `<a b=&amp;c c="&lt">`, "<a b=\"x\r\ny\">", `<a b= c= d>`, `<a b=">" c>`, `<TD ALIGN=CENTER>`,
		`<a ==b>`, `<a b==c>`, "<a\tb\fc\nd>", `</TD foo="bar">`, `</a/>`, `<a b c d e f g h i j k l m n o p q r s t u v w x y z>`,
	} {
		if err := scanAsTokenizer([]byte(doc)); err != nil {
			t.Error(err)
		}
	}
}

// FuzzTagScanner: on any bytes, tagScanner reads every tag as the
// tokenizer does.
func FuzzTagScanner(f *testing.F) {
	for _, doc := range []string{`<td style="a" STYLE="b" colspan=3/>`, `<a b="c"d=e>`, "<a\x00b c\x00=d>", `<a b=">" c>`, `</TD x>`} {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		if err := scanAsTokenizer(doc); err != nil {
			t.Fatal(err)
		}
	})
}

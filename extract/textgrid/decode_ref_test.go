package textgrid

import (
	"os"
	"strings"
	"testing"
)

// expandTabsRef is ExpandTabs as it was: rune by rune.
func expandTabsRef(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			for pad := 8 - col%8; pad > 0; pad-- {
				b.WriteByte(' ')
				col++
			}
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}

var expandTabsCases = []string{"", "\t", "a\tb", "\t\t", "1234567\tx", "12345678\tx", "é\tx", "日本\t語\t", "\xff\tx", "a\xe2\x80\tb", "\t\xe2", "no tab"}

func checkExpandTabs(t *testing.T, s string) {
	t.Helper()
	if got, want := ExpandTabs(s), expandTabsRef(s); got != want {
		t.Fatalf("ExpandTabs(%q) = %q, the reference %q", s, got, want)
	}
}

// Every line of every corpus file, text and HTML, expands as the
// reference expands it; and HTML files are cut into the reference's lines
// too (TestDecodeAsReference reads the text files).
func TestExpandTabsAsReference(t *testing.T) {
	for _, s := range expandTabsCases {
		checkExpandTabs(t, s)
	}
	files := corpusFiles("text", "html")
	if len(files) == 0 && os.Getenv("FINEXPORT_REQUIRE_CORPUS") == "1" {
		t.Fatal("no corpus (FINEXPORT_REQUIRE_CORPUS=1)")
	}
	tabs := 0
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(raw), "\n") {
			checkExpandTabs(t, l)
			tabs += strings.Count(l, "\t")
		}
		if strings.Contains(name, "/html/") {
			checkDecode(t, string(raw))
		}
	}
	if len(files) > 0 && tabs == 0 {
		t.Fatal("no tab in the corpus: the test compares nothing")
	}
}

func FuzzExpandTabsAsReference(f *testing.F) {
	for _, s := range expandTabsCases {
		f.Add(s)
	}
	f.Fuzz(checkExpandTabs)
}

// BenchmarkDecodeCorpus decodes every corpus file, text and HTML.
func BenchmarkDecodeCorpus(b *testing.B) {
	var raws [][]byte
	size := int64(0)
	for _, name := range corpusFiles("text", "html") {
		raw, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
		size += int64(len(raw))
	}
	if len(raws) == 0 {
		b.Skip("no corpus")
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, raw := range raws {
			_, _, _ = Decode(raw)
		}
	}
}

// controlBytesRef is controlBytes as it was, a test a byte.
func controlBytesRef(raw []byte) int {
	n := 0
	for _, b := range raw {
		if b < 32 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			n++
		}
	}
	return n
}

func TestControlBytesAsReference(t *testing.T) {
	all := make([]byte, 0, 512)
	for b := range 256 {
		all = append(all, byte(b), byte(b))
	}
	for _, raw := range [][]byte{nil, all, []byte("a\x01\n\r\t\f\v\x1f")} {
		if got, want := controlBytes(raw), controlBytesRef(raw); got != want {
			t.Fatalf("controlBytes(%q) = %d, the reference %d", raw, got, want)
		}
	}
}

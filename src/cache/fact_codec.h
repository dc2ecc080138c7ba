// A compact binary encoding of FileFacts for the fact cache: varints and
// length-prefixed strings, no field names. Input: FileFacts or encoded bytes;
// output: the other. The decoder checks every bound, so corrupt input yields
// false, never a crash. Depends on data/ only; knows nothing of files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "data/file_facts.h"

namespace djcost {

/// Appends the encoding of `facts` to `*out`. `facts.file` is not encoded: the
/// cache restores it from discovery.
void EncodeFacts(const FileFacts& facts, std::string* out);

/// What EncodeFacts writes, without the file's line counts and with every line
/// number appended to `*lines` instead, in encoding order: two files' facts that
/// differ only in where things are have the same shape (cache/line_shift.h).
void EncodeFactsShape(const FileFacts& facts, std::string* shape, std::vector<int>* lines);

/// Appends the encoding of one diagnostic to `*out`, as EncodeFacts writes a
/// file's (for keys that must tell diagnostics apart).
void EncodeDiagnostic(const Diagnostic& diagnostic, std::string* out);

/// Decodes what EncodeFacts wrote into `*facts` (whose `file` is left as it
/// was). Returns false when `bytes` is not exactly one valid encoding.
[[nodiscard]] bool DecodeFacts(std::string_view bytes, FileFacts* facts);

}  // namespace djcost

;; Malformed binaries: one module per message of the decoder, under Wasm 2.0 and 3.0 alike.
;; Each says at which byte decoding stops ("error at byte N"); the preamble takes bytes 0-7,
;; so the first section starts at byte 8. tests/binary_wast.rs checks the offsets too.

(assert_malformed
  (module binary "\00asn" "\01\00\00\00")
  "magic header not detected"  ;; error at byte 0
)

(assert_malformed
  (module binary "\00asm" "\02\00\00\00")
  "unknown binary version"  ;; error at byte 4
)

;; The preamble ends early.
(assert_malformed
  (module binary "\00asm" "\01\00")
  "unexpected end"  ;; error at byte 6
)

;; A type section of one byte that declares a type and ends.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\01\01"                ;; type section, 1 byte: 1 type
  )
  "unexpected end of section or function"  ;; error at byte 11
)

;; A section size whose fifth byte sets bits beyond 32.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\80\80\80\80\10"       ;; type section, size 2^32
  )
  "integer too large"  ;; error at byte 13
)

;; A section size of six bytes.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\80\80\80\80\80\00"    ;; type section, size 0 in six bytes
  )
  "integer representation too long"  ;; error at byte 14
)

(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\0e\00"                   ;; section 14
  )
  "malformed section id"  ;; error at byte 8
)

;; The section's contents take one byte of the two it declares.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\02\00\00"             ;; type section, 2 bytes: 0 types
  )
  "section size mismatch"  ;; error at byte 10
)

;; A section larger than what is left of the module.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\05\00"                ;; type section, 5 bytes
  )
  "length out of bounds"  ;; error at byte 9
)

;; A custom section named with an overlong encoding of U+0000.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\00\03\02\c0\80"          ;; custom section, name of 2 bytes
  )
  "malformed UTF-8 encoding"  ;; error at byte 10
)

;; Two type sections.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\01\00"                ;; type section: 0 types
    "\01\01\00"                ;; type section again
  )
  "unexpected content after last section"  ;; error at byte 11
)

;; 50000 locals of type i32 and one more of type i64.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\0a\0a\01"                ;; code section: 1 body
    "\08"                      ;; body size
    "\02\d0\86\03\7f\01\7e"    ;; locals: 50000 i32, 1 i64 (byte 22)
    "\0b"                      ;; end
  )
  "too many locals"  ;; error at byte 22
)

(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\05\03\01\00\00"          ;; memory section: (memory 0)
    "\0c\01\02"                ;; data count section: 2 (byte 13)
    "\0b\03\01\01\00"          ;; data section: 1 passive segment
  )
  "data count and data section have inconsistent lengths"  ;; error at byte 13
)

;; data.drop without a data count section.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\05\03\01\00\01"          ;; memory section: (memory 1)
    "\0a\07\01\05\00"          ;; code section: 1 body of 5 bytes, no locals
    "\fc\09\00"                ;; data.drop 0 (byte 28)
    "\0b"                      ;; end
    "\0b\03\01\01\00"          ;; data section: 1 passive segment
  )
  "data count section required"  ;; error at byte 28
)

;; A function without a body.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
  )
  "function and code section have inconsistent lengths"  ;; error at byte 18
)

;; An else inside a block.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\0a\07\01\05\00"          ;; code section: 1 body of 5 bytes, no locals
    "\02\40"                   ;; block
    "\05"                      ;; else (byte 25)
    "\0b"                      ;; end
  )
  "END opcode expected"  ;; error at byte 25
)

;; 0x06 was `try` of the legacy exception proposal; neither version has it.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\0a\05\01\03\00"          ;; code section: 1 body of 3 bytes, no locals
    "\06"                      ;; (byte 23)
    "\0b"                      ;; end
  )
  "illegal opcode"  ;; error at byte 23
)

;; An unknown opcode after the 0xFC prefix.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\0a\07\01\05\00"          ;; code section: 1 body of 5 bytes, no locals
    "\fc\ff\7f"                ;; 0xFC 16383 (byte 23)
    "\0b"                      ;; end
  )
  "illegal opcode"  ;; error at byte 23
)

(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\06\06\01"                ;; global section: 1 global
    "\7f\02"                   ;; i32, mutability 2 (byte 12)
    "\41\00\0b"                ;; i32.const 0
  )
  "malformed mutability"  ;; error at byte 12
)

(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\04\04\01"                ;; table section: 1 table
    "\7a\00\00"                ;; element type 0x7A (byte 11)
  )
  "malformed reference type"  ;; error at byte 11
)

(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\02\05\01"                ;; import section: 1 import
    "\00\00"                   ;; names "" and ""
    "\05\00"                   ;; kind 5 (byte 13)
  )
  "malformed import kind"  ;; error at byte 13
)

(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\07\04\01"                ;; export section: 1 export
    "\00"                      ;; name ""
    "\05\00"                   ;; kind 5 (byte 12)
  )
  "malformed export kind"  ;; error at byte 12
)

(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\09\02\01"                ;; element section: 1 segment
    "\08"                      ;; kind 8 (byte 11)
  )
  "malformed elements segment kind"  ;; error at byte 11
)

(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\09\04\01"                ;; element section: 1 segment
    "\01\01\00"                ;; passive, element kind 1 (byte 12), no functions
  )
  "malformed element kind"  ;; error at byte 12
)

(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\0b\02\01"                ;; data section: 1 segment
    "\03"                      ;; kind 3 (byte 11)
  )
  "malformed data segment kind"  ;; error at byte 11
)

;; Alignment flags of 128: too large for 2.0's exponent and 3.0's flags alike.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\05\03\01\00\01"          ;; memory section: (memory 1)
    "\0a\0b\01\09\00"          ;; code section: 1 body of 9 bytes, no locals
    "\41\00"                   ;; i32.const 0
    "\28\80\01\00"             ;; i32.load, flags 128 (byte 31), offset 0
    "\1a\0b"                   ;; drop, end
  )
  "malformed memop flags"  ;; error at byte 31
)

;; A function body of 3 bytes that needs 4: the reader goes on into the data section, whose
;; id happens to be `end`, and finds the body one byte too long.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\0a\05\01"                ;; code section: 1 body
    "\03\00\01\01"             ;; body of 3 bytes (byte 21): no locals, nop, nop
    "\0b\01\00"                ;; data section: 0 segments
  )
  "section size mismatch"  ;; error at byte 22
)

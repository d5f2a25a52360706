;; Counts and sizes of 2^32-1 in modules of a few bytes, under Wasm 2.0 and 3.0 alike. Each
;; must fail at once, without allocating anything for what it declares: a length beyond the
;; bytes left is `length out of bounds`, a count that fits the bytes but whose elements do
;; not is `unexpected end`, and locals beyond the limit are `too many locals`.

;; A section of 2^32-1 bytes.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\ff\ff\ff\ff\0f"                 ;; type section, size 2^32-1 (byte 9)
  )
  "length out of bounds"  ;; error at byte 9
)

;; A custom section of 2^32-1 bytes.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\00\ff\ff\ff\ff\0f\00"              ;; custom section, size 2^32-1 (byte 9)
  )
  "length out of bounds"  ;; error at byte 9
)

;; A custom section whose name has 2^32-1 bytes.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\00\06"                             ;; custom section of 6 bytes
    "\ff\ff\ff\ff\0f\00"                 ;; a name of 2^32-1 bytes (byte 10)
  )
  "length out of bounds"  ;; error at byte 10
)

;; 2^32-1 types, imports, functions, tables, memories, globals, exports, element and data
;; segments, bodies: each list's length is checked against the bytes left.
(assert_malformed
  (module binary "\00asm" "\01\00\00\00" "\01\06\ff\ff\ff\ff\0f\00")  ;; types
  "length out of bounds"  ;; error at byte 10
)
(assert_malformed
  (module binary "\00asm" "\01\00\00\00" "\02\06\ff\ff\ff\ff\0f\00")  ;; imports
  "length out of bounds"  ;; error at byte 10
)
(assert_malformed
  (module binary "\00asm" "\01\00\00\00" "\03\06\ff\ff\ff\ff\0f\00")  ;; functions
  "length out of bounds"  ;; error at byte 10
)
(assert_malformed
  (module binary "\00asm" "\01\00\00\00" "\04\06\ff\ff\ff\ff\0f\00")  ;; tables
  "length out of bounds"  ;; error at byte 10
)
(assert_malformed
  (module binary "\00asm" "\01\00\00\00" "\05\06\ff\ff\ff\ff\0f\00")  ;; memories
  "length out of bounds"  ;; error at byte 10
)
(assert_malformed
  (module binary "\00asm" "\01\00\00\00" "\06\06\ff\ff\ff\ff\0f\00")  ;; globals
  "length out of bounds"  ;; error at byte 10
)
(assert_malformed
  (module binary "\00asm" "\01\00\00\00" "\07\06\ff\ff\ff\ff\0f\00")  ;; exports
  "length out of bounds"  ;; error at byte 10
)
(assert_malformed
  (module binary "\00asm" "\01\00\00\00" "\09\06\ff\ff\ff\ff\0f\00")  ;; element segments
  "length out of bounds"  ;; error at byte 10
)
(assert_malformed
  (module binary "\00asm" "\01\00\00\00" "\0a\06\ff\ff\ff\ff\0f\00")  ;; bodies
  "length out of bounds"  ;; error at byte 10
)
(assert_malformed
  (module binary "\00asm" "\01\00\00\00" "\0b\06\ff\ff\ff\ff\0f\00")  ;; data segments
  "length out of bounds"  ;; error at byte 10
)

;; A data count of 2^32-1 is only a number; the data section must then have as many.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\0c\05\ff\ff\ff\ff\0f"              ;; data count section: 2^32-1 (byte 8)
  )
  "data count and data section have inconsistent lengths"  ;; error at byte 8
)

;; Two types declared in a section that holds one.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\02\60\00\00"                 ;; type section: 2 types, 1 given
  )
  "unexpected end of section or function"  ;; error at byte 14
)

;; A function type of 2^32-1 parameters.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\08\01\60\ff\ff\ff\ff\0f\00"     ;; type section: (func (param ...2^32-1 of them))
  )
  "length out of bounds"  ;; error at byte 12
)

;; A name of 2^32-1 bytes in an import.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\02\08\01\00\ff\ff\ff\ff\0f\00"     ;; import section: module "", a name of 2^32-1 bytes
  )
  "length out of bounds"  ;; error at byte 12
)

;; A body of 2^32-1 bytes.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"                 ;; type section: (func)
    "\03\02\01\00"                       ;; function section: 1 function
    "\0a\07\01\ff\ff\ff\ff\0f\00"        ;; code section: 1 body of 2^32-1 bytes (byte 21)
  )
  "length out of bounds"  ;; error at byte 21
)

;; 2^32-1 groups of locals.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"                 ;; type section: (func)
    "\03\02\01\00"                       ;; function section: 1 function
    "\0a\09\01\07"                       ;; code section: 1 body of 7 bytes
    "\ff\ff\ff\ff\0f\7f\0b"              ;; 2^32-1 groups of locals (byte 22)
  )
  "length out of bounds"  ;; error at byte 22
)

;; One group of 2^32-1 locals.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"                 ;; type section: (func)
    "\03\02\01\00"                       ;; function section: 1 function
    "\0a\0a\01\08"                       ;; code section: 1 body of 8 bytes
    "\01\ff\ff\ff\ff\0f\7f"              ;; 1 group (byte 22): 2^32-1 locals of type i32
    "\0b"
  )
  "too many locals"  ;; error at byte 22
)

;; Two groups whose total exceeds 2^32-1.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"                 ;; type section: (func)
    "\03\02\01\00"                       ;; function section: 1 function
    "\0a\10\01\0e"                       ;; code section: 1 body of 14 bytes
    "\02"                                ;; 2 groups (byte 22)
    "\ff\ff\ff\ff\0f\7f"                 ;; 2^32-1 locals of type i32
    "\ff\ff\ff\ff\0f\7e"                 ;; 2^32-1 locals of type i64
    "\0b"
  )
  "too many locals"  ;; error at byte 22
)

;; A br_table of 2^32-1 labels.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"                 ;; type section: (func)
    "\03\02\01\00"                       ;; function section: 1 function
    "\0a\0d\01\0b\00"                    ;; code section: 1 body of 11 bytes, no locals
    "\41\00"                             ;; i32.const 0
    "\0e\ff\ff\ff\ff\0f\00"              ;; br_table with 2^32-1 labels (count at byte 26)
    "\0b"
  )
  "length out of bounds"  ;; error at byte 26
)

;; A typed select of 2^32-1 types.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"                 ;; type section: (func)
    "\03\02\01\00"                       ;; function section: 1 function
    "\0a\0a\01\08\00"                    ;; code section: 1 body of 8 bytes, no locals
    "\1c\ff\ff\ff\ff\0f"                 ;; select with 2^32-1 types (count at byte 24)
    "\0b"
  )
  "length out of bounds"  ;; error at byte 24
)

;; An element segment of 2^32-1 functions.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\09\08\01"                          ;; element section: 1 segment
    "\01\00\ff\ff\ff\ff\0f"              ;; passive, functions, 2^32-1 of them (byte 13)
  )
  "length out of bounds"  ;; error at byte 13
)

;; A data segment of 2^32-1 bytes.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\0b\07\01"                          ;; data section: 1 segment
    "\01\ff\ff\ff\ff\0f"                 ;; passive, 2^32-1 bytes (byte 12)
  )
  "length out of bounds"  ;; error at byte 12
)

;; Indices of 2^32-1 are only numbers: these decode, and fail validation.
(assert_invalid
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"                 ;; type section: (func)
    "\03\06\01\ff\ff\ff\ff\0f"           ;; function section: 1 function of type 2^32-1
    "\0a\04\01\02\00\0b"                 ;; code section: 1 empty body
  )
  "unknown type"
)
(assert_invalid
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"                 ;; type section: (func)
    "\03\02\01\00"                       ;; function section: 1 function
    "\0a\0a\01\08\00"                    ;; code section: 1 body of 8 bytes, no locals
    "\10\ff\ff\ff\ff\0f"                 ;; call 2^32-1
    "\0b"
  )
  "unknown function"
)

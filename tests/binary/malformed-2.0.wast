;; Wasm 2.0 only (--spec 2.0): what 3.0 added is malformed, with the messages of the 2.0
;; suite. The same bytes decode under 3.0, or fail there for other reasons.

;; The reserved byte of memory.size, a memory index in 3.0.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\05\03\01\00\01"          ;; memory section: (memory 1)
    "\0a\07\01\05\00"          ;; code section: 1 body of 5 bytes, no locals
    "\3f\01"                   ;; memory.size, reserved byte 1 (byte 29)
    "\1a\0b"                   ;; drop, end
  )
  "zero byte expected"  ;; error at byte 29
)

;; The reserved bytes of memory.copy.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\05\03\01\00\01"          ;; memory section: (memory 1)
    "\0a\0e\01\0c\00"          ;; code section: 1 body of 12 bytes, no locals
    "\41\00\41\00\41\00"       ;; i32.const 0 (3 times)
    "\fc\0a\00\01"             ;; memory.copy, reserved bytes 0 and 1 (byte 37)
    "\0b"                      ;; end
  )
  "zero byte expected"  ;; error at byte 37
)

;; The limits flag is a u1: 0x04, 64-bit addresses in 3.0, does not fit.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\05\03\01"                ;; memory section: 1 memory
    "\04\00"                   ;; flags 4 (byte 11), minimum 0
  )
  "integer too large"  ;; error at byte 11
)

;; A u1 in two bytes.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\05\04\01"                ;; memory section: 1 memory
    "\81\00\00"                ;; flags 1 in two bytes (the second at byte 12), minimum 0
  )
  "integer representation too long"  ;; error at byte 12
)

;; Bounds are u32s.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\05\07\01"                ;; memory section: 1 memory
    "\00\80\80\80\80\10"       ;; no maximum, minimum 2^32 (fifth byte at 16)
  )
  "integer too large"  ;; error at byte 16
)

;; The tag section (13).
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\0d\01\00"                ;; tag section: 0 tags
  )
  "malformed section id"  ;; error at byte 8
)

;; A tag import.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\02\06\01"                ;; import section: 1 import
    "\00\00"                   ;; names "" and ""
    "\04\00\00"                ;; tag of type 0 (byte 19)
  )
  "malformed import kind"  ;; error at byte 19
)

;; A tag export.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\07\04\01"                ;; export section: 1 export
    "\00"                      ;; name ""
    "\04\00"                   ;; tag 0 (byte 12)
  )
  "malformed export kind"  ;; error at byte 12
)

;; A recursion group.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\03\01"                ;; type section: 1 type
    "\4e\00"                   ;; rec, empty (byte 11)
  )
  "malformed function type"  ;; error at byte 11
)

;; (ref null func) as a parameter.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\06\01"                ;; type section: 1 type
    "\60\01\63\70\00"          ;; (func (param (ref null func))), 0x63 at byte 13
  )
  "malformed reference type"  ;; error at byte 13
)

;; A table with an initialiser expression.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\04\09\01"                ;; table section: 1 table
    "\40\00\70\00\01"          ;; 0x40 (byte 11) 0x00, funcref, minimum 1
    "\d0\70\0b"                ;; ref.null func
  )
  "malformed reference type"  ;; error at byte 11
)

;; A memory index in the alignment flags.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\05\03\01\00\01"          ;; memory section: (memory 1)
    "\0a\0b\01\09\00"          ;; code section: 1 body of 9 bytes, no locals
    "\41\00"                   ;; i32.const 0
    "\28\42\00\00"             ;; i32.load, flags 0x42 (byte 31), memory 0, offset 0
    "\1a\0b"                   ;; drop, end
  )
  "malformed memop flags"  ;; error at byte 31
)

;; Opcodes that 3.0 added: return_call, ref.eq, the 0xFB prefix, relaxed SIMD.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\0a\06\01\04\00"          ;; code section: 1 body of 4 bytes, no locals
    "\12\00"                   ;; return_call 0 (byte 23)
    "\0b"                      ;; end
  )
  "illegal opcode"  ;; error at byte 23
)

(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\0a\05\01\03\00"          ;; code section: 1 body of 3 bytes, no locals
    "\d3"                      ;; ref.eq (byte 23)
    "\0b"                      ;; end
  )
  "illegal opcode"  ;; error at byte 23
)

(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\0a\06\01\04\00"          ;; code section: 1 body of 4 bytes, no locals
    "\fb\0f"                   ;; array.len (byte 23)
    "\0b"                      ;; end
  )
  "illegal opcode"  ;; error at byte 23
)

(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\0a\07\01\05\00"          ;; code section: 1 body of 5 bytes, no locals
    "\fd\80\02"                ;; i8x16.relaxed_swizzle (byte 23)
    "\0b"                      ;; end
  )
  "illegal opcode"  ;; error at byte 23
)

;; Wasm 3.0 only (--spec 3.0): the encodings 3.0 added, in one valid module: a recursion
;; group with subtypes, struct and array types; a table with an initialiser and a 64-bit
;; table; two memories, one 64-bit; a tag; exports of every kind; element segments in all
;; eight encodings; data segments in all three, one in memory 1; a memarg with a memory
;; index; try_table, throw, br_on_null, GC instructions.

(module binary
  "\00asm" "\01\00\00\00"
  "\01\18\03"                            ;; type section: 3 entries
  "\60\00\00"                            ;; 0: (func)
  "\4e\02"                               ;; rec of 2:
  "\50\00\5f\01\7f\01"                   ;;   1: (sub (struct (field (mut i32))))
  "\4f\01\01\5f\02\7f\01\7e\00"          ;;   2: (sub final 1 (struct (field (mut i32)) (field i64)))
  "\5e\78\01"                            ;; 3: (array (mut i8))
  "\03\02\01\00"                         ;; function section: 1 function of type 0
  "\04\10\03"                            ;; table section: 3 tables
  "\70\00\01"                            ;;   (table 1 funcref)
  "\40\00\64\70\00\02\d2\00\0b"          ;;   (table 2 (ref func) (ref.func 0))
  "\6f\04\01"                            ;;   (table i64 1 externref)
  "\05\06\02"                            ;; memory section: 2 memories
  "\00\01"                               ;;   (memory 1)
  "\05\01\02"                            ;;   (memory i64 1 2)
  "\0d\03\01\00\00"                      ;; tag section: (tag (type 0))
  "\06\06\01\7e\01\42\7f\0b"             ;; global section: (global (mut i64) (i64.const -1))
  "\07\15\05"                            ;; export section: 5 exports
  "\01f\00\00"                           ;;   "f" func 0
  "\01t\01\01"                           ;;   "t" table 1
  "\01m\02\01"                           ;;   "m" memory 1
  "\01g\03\00"                           ;;   "g" global 0
  "\01e\04\00"                           ;;   "e" tag 0
  "\09\35\08"                            ;; element section: 8 segments
  "\00\41\00\0b\01\00"                   ;;   0: table 0 at 0, functions (0)
  "\01\00\01\00"                         ;;   1: passive, functions (0)
  "\02\01\41\01\0b\00\01\00"             ;;   2: table 1 at 1, functions (0)
  "\03\00\01\00"                         ;;   3: declarative, functions (0)
  "\04\41\00\0b\01\d2\00\0b"             ;;   4: table 0 at 0, expressions (ref.func 0)
  "\05\70\01\d0\70\0b"                   ;;   5: passive funcref, (ref.null func)
  "\06\02\42\00\0b\6f\01\d0\6f\0b"       ;;   6: table 2 at i64 0, externref, (ref.null extern)
  "\07\70\01\d2\00\0b"                   ;;   7: declarative funcref, (ref.func 0)
  "\0c\01\03"                            ;; data count section: 3
  "\0a\35\01\33"                         ;; code section: 1 body of 51 bytes
  "\01\01\63\01"                         ;;   local (ref null 1)
  "\42\00\31\40\01\00\1a"                ;;   (drop (i64.load8_u 1 (i64.const 0)))
  "\3f\01\1a"                            ;;   (drop (memory.size 1))
  "\02\40\1f\40\01\02\00"                ;;   (block (try_table (catch_all 0)
  "\08\00\0b\0b"                         ;;     (throw 0)))
  "\fb\01\01\21\00"                      ;;   (local.set 0 (struct.new_default 1))
  "\02\40\20\00\d5\00\1a\0b"             ;;   (block (drop (br_on_null 0 (local.get 0))))
  "\41\00\41\01\fb\09\03\01\1a"          ;;   (drop (array.new_data 3 1 (i32.const 0) (i32.const 1)))
  "\d2\00\1a"                            ;;   (drop (ref.func 0))
  "\0b"
  "\0b\11\03"                            ;; data section: 3 segments
  "\00\41\00\0b\01a"                     ;;   memory 0 at 0: "a"
  "\01\01b"                              ;;   passive: "b"
  "\02\01\42\00\0b\01c"                  ;;   memory 1 at i64 0: "c"
  "\00\0f\04name"                        ;; name section
  "\00\02\01m"                           ;;   module name "m"
  "\01\04\01\00\01f"                     ;;   function 0: "f"
)

(assert_return (invoke "f"))

;; A local declaration of count zero declares nothing (`Blocals`: `(LOCAL t)^n` with n = 0),
;; so its type is never validated: valid, though type 1 does not exist (as in the official
;; interpreter; wasmparser rejects it, see fuzz/src/lib.rs).
(module binary
  "\00asm" "\01\00\00\00"
  "\01\04\01\60\00\00"                   ;; type section: (func)
  "\03\02\01\00"                         ;; function section: 1 function of type 0
  "\07\05\01\01f\00\00"                  ;; export section: "f" func 0
  "\0a\07\01\05"                         ;; code section: 1 body of 5 bytes
  "\01\00\63\01"                         ;;   0 locals of (ref null 1)
  "\0b"
)
(assert_return (invoke "f"))

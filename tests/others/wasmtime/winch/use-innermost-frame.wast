(module
  (type (;0;) (func (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (type (;1;) (func (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (func (;0;) (type 1) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    unreachable
  )
  (func (;1;) (export "main") (type 1) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64)
    i32.const 0
    if ;; label = @1
      unreachable
    end
    global.get 2
    i32.const 1
    i32.sub
    global.set 2
    call 0
    if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @1
      call 0
      if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @2
        call 0
        if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @3
          call 0
          if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @4
            call 0
            if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @5
              call 0
              if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @6
                call 0
                if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @7
                  call 0
                  if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @8
                    call 0
                    if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @9
                      call 0
                      if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @10
                        call 0
                        if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @11
                          call 0
                          if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @12
                            call 0
                            if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @13
                              call 0
                              if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @14
                                call 0
                                if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @15
                                  call 0
                                  if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @16
                                    call 0
                                    if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @17
                                      call 0
                                      if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @18
                                        call 0
                                        if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @19
                                          call 0
                                          if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @20
                                            call 0
                                            if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @21
                                              call 0
                                              if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @22
                                                call 0
                                                if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @23
                                                  call 0
                                                  if (type 0) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) ;; label = @24
                                                    call 2
                                                    call 1
                                                    br_table 0 (;@24;) 1 (;@23;) 2 (;@22;) 3 (;@21;) 4 (;@20;) 5 (;@19;) 6 (;@18;) 7 (;@17;) 8 (;@16;) 9 (;@15;) 10 (;@14;) 11 (;@13;) 12 (;@12;) 13 (;@11;) 14 (;@10;) 15 (;@9;) 16 (;@8;) 17 (;@7;) 18 (;@6;) 19 (;@5;) 20 (;@4;) 21 (;@3;) 22 (;@2;) 23 (;@1;) 24 13 (;@11;)
                                                    local.set 100
                                                    block ;; label = @25
                                                      block ;; label = @26
                                                        i32.const 1
                                                        i32.const 0
                                                        i32.mul
                                                        i32.const 65120
                                                        local.get 100
                                                        i32.add
                                                        i32.le_u
                                                        br_if 0 (;@26;)
                                                        local.get 100
                                                        br_if 0 (;@26;)
                                                        i64.const 1
                                                        local.set 101
                                                        br 1 (;@25;)
                                                      end
                                                      i64.const 0
                                                      local.set 101
                                                    end
                                                    global.get 0
                                                    global.set 0
                                                    local.get 101
                                                    global.set 0
                                                    i32.const -513
                                                    i32.const 0
                                                  else
                                                    i32.const 8388608
                                                    i32.const 0
                                                    i32.const -262145
                                                    i32.const -513
                                                    i32.const -262145
                                                    i32.const -262145
                                                    i32.const 707406591
                                                    i32.const -262145
                                                    i32.const 0
                                                    i32.const -262145
                                                    i32.const -262145
                                                    i32.const 0
                                                    i32.const 1
                                                    i32.const 0
                                                    i32.const 16843007
                                                    i32.const 0
                                                    i32.const 16711684
                                                    i32.const -524288
                                                    i32.const -262145
                                                    i32.const -262145
                                                  end
                                                  global.get 1
                                                  i32.xor
                                                  global.set 1
                                                  global.get 1
                                                  i32.xor
                                                  global.set 1
                                                  global.get 1
                                                  i32.xor
                                                  global.set 1
                                                  drop
                                                  drop
                                                  global.get 1
                                                  i32.xor
                                                  global.set 1
                                                  drop
                                                  global.get 1
                                                  i32.xor
                                                  global.set 1
                                                  global.get 1
                                                  i32.xor
                                                  global.set 1
                                                  drop
                                                  drop
                                                  global.get 1
                                                  i32.xor
                                                  global.set 1
                                                  global.get 1
                                                  i32.xor
                                                  global.set 1
                                                  drop
                                                  drop
                                                  global.get 1
                                                  i32.xor
                                                  global.set 1
                                                  global.get 1
                                                  i32.xor
                                                  global.set 1
                                                  drop
                                                  drop
                                                else
                                                  i32.const 0
                                                  i32.const 0
                                                  i32.const -262145
                                                  i32.const -262145
                                                  i32.const -262145
                                                  i32.const 1862281770
                                                  i32.const 0
                                                  i32.const 131071
                                                  i32.const 65528
                                                  i32.const 1718513507
                                                  i32.const 2034180652
                                                  i32.const -140
                                                  i32.const -262145
                                                  i32.const 15
                                                  i32.const 16842496
                                                  i32.const -25231360
                                                  i32.const 1
                                                  i32.const 0
                                                  i32.const -262145
                                                  i32.const -262145
                                                end
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                                i32.const 1
                                                i32.xor
                                                global.set 1
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                                global.get 1
                                                i32.xor
                                                global.set 1
                                              else
                                                i32.const 1
                                                i32.const 32
                                                i32.const 32
                                                i32.const 32
                                                i32.const 32
                                                i32.const 32
                                                i32.const 32
                                                i32.const 32
                                                i32.const 32
                                                i32.const 32
                                                i32.const 32
                                                i32.const 32
                                                i32.const 32
                                                i32.const 32
                                                i32.const 32
                                                i32.const 32
                                                i32.const 32
                                                i32.const 32
                                                i32.const 32
                                                i32.const 32
                                              end
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                              global.get 1
                                              i32.xor
                                              global.set 1
                                            else
                                              i32.const 0
                                              i32.const 32
                                              i32.const 32
                                              i32.const 32
                                              i32.const 32
                                              i32.const 32
                                              i32.const 32
                                              i32.const 32
                                              i32.const 32
                                              i32.const 32
                                              i32.const 32
                                              i32.const 32
                                              i32.const 32
                                              i32.const 32
                                              i32.const 32
                                              i32.const 32
                                              i32.const 32
                                              i32.const 32
                                              i32.const 32
                                              i32.const 32
                                            end
                                            global.get 1
                                            i32.xor
                                            global.set 1
                                            global.get 1
                                            i32.xor
                                            global.set 1
                                            global.get 1
                                            i32.xor
                                            global.set 1
                                            global.get 1
                                            i32.xor
                                            global.set 1
                                            global.get 1
                                            i32.xor
                                            global.set 1
                                            global.get 1
                                            i32.xor
                                            global.set 1
                                            global.get 1
                                            i32.xor
                                            global.set 1
                                            i32.const 1
                                            i32.xor
                                            global.set 1
                                            global.get 1
                                            i32.xor
                                            global.set 1
                                            global.get 1
                                            i32.xor
                                            global.set 1
                                            global.get 1
                                            i32.xor
                                            global.set 1
                                            global.get 1
                                            i32.xor
                                            global.set 1
                                            global.get 1
                                            i32.xor
                                            global.set 1
                                            global.get 1
                                            i32.xor
                                            global.set 1
                                            global.get 1
                                            i32.xor
                                            global.set 1
                                            i32.const 0
                                            i32.xor
                                            global.set 1
                                            global.get 1
                                            i32.xor
                                            global.set 1
                                            global.get 1
                                            i32.xor
                                            global.set 1
                                            global.get 1
                                            i32.xor
                                            global.set 1
                                          else
                                            i32.const 177015437
                                            i32.const 32
                                            i32.const 32
                                            i32.const 32
                                            i32.const 32
                                            i32.const 32
                                            i32.const 32
                                            i32.const 32
                                            i32.const 32
                                            i32.const 32
                                            i32.const 32
                                            i32.const 32
                                            i32.const 32
                                            i32.const 32
                                            i32.const 32
                                            i32.const 32
                                            i32.const 32
                                            i32.const 32
                                            i32.const 32
                                            i32.const 32
                                          end
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                          global.get 1
                                          i32.xor
                                          global.set 1
                                        else
                                          i32.const 0
                                          i32.const 32
                                          i32.const 32
                                          i32.const 32
                                          i32.const 32
                                          i32.const 32
                                          i32.const 32
                                          i32.const 32
                                          i32.const 32
                                          i32.const 32
                                          i32.const 32
                                          i32.const 32
                                          i32.const 32
                                          i32.const 32
                                          i32.const 32
                                          i32.const 32
                                          i32.const 32
                                          i32.const -1275068416
                                          i32.const 32
                                          i32.const 32
                                        end
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                        global.get 1
                                        i32.xor
                                        global.set 1
                                      else
                                        i32.const 177015437
                                        i32.const 32
                                        i32.const 32
                                        i32.const 32
                                        i32.const 32
                                        i32.const 32
                                        i32.const 32
                                        i32.const 32
                                        i32.const 32
                                        i32.const 32
                                        i32.const 32
                                        i32.const 32
                                        i32.const 32
                                        i32.const 32
                                        i32.const 32
                                        i32.const 32
                                        i32.const 32
                                        i32.const 32
                                        i32.const 32
                                        i32.const 32
                                      end
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                      global.get 1
                                      i32.xor
                                      global.set 1
                                    else
                                      i32.const 0
                                      i32.const 32
                                      i32.const 32
                                      i32.const 32
                                      i32.const 32
                                      i32.const 32
                                      i32.const 32
                                      i32.const 32
                                      i32.const 32
                                      i32.const 32
                                      i32.const 32
                                      i32.const 32
                                      i32.const 32
                                      i32.const 32
                                      i32.const 32
                                      i32.const 32
                                      i32.const 32
                                      i32.const 32
                                      i32.const 32
                                      i32.const 32
                                    end
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                    global.get 1
                                    i32.xor
                                    global.set 1
                                  else
                                    i32.const 1
                                    i32.const 32
                                    i32.const 32
                                    i32.const 32
                                    i32.const 32
                                    i32.const 32
                                    i32.const 32
                                    i32.const 32
                                    i32.const 32
                                    i32.const 32
                                    i32.const 32
                                    i32.const 32
                                    i32.const 32
                                    i32.const 32
                                    i32.const 32
                                    i32.const 32
                                    i32.const 32
                                    i32.const 32
                                    i32.const 32
                                    i32.const 32
                                  end
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                  global.get 1
                                  i32.xor
                                  global.set 1
                                else
                                  i32.const 1
                                  i32.const 32
                                  i32.const 32
                                  i32.const 32
                                  i32.const 32
                                  i32.const 32
                                  i32.const 32
                                  i32.const 32
                                  i32.const 32
                                  i32.const 32
                                  i32.const 32
                                  i32.const 32
                                  i32.const 32
                                  i32.const 32
                                  i32.const 32
                                  i32.const 32
                                  i32.const 32
                                  i32.const 32
                                  i32.const 32
                                  i32.const 32
                                end
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                                global.get 1
                                i32.xor
                                global.set 1
                              else
                                i32.const 32
                                i32.const -262144
                                i32.const -262144
                                i32.const 1
                                i32.const 1
                                i32.const -262144
                                i32.const -262144
                                i32.const -262144
                                i32.const 0
                                i32.const -262144
                                i32.const -262144
                                i32.const -262144
                                i32.const 65552
                                i32.const -262144
                                i32.const -262144
                                i32.const -262144
                                i32.const -262144
                                i32.const -262144
                                i32.const 0
                                i32.const -262144
                              end
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                              global.get 1
                              i32.xor
                              global.set 1
                            else
                              i32.const 0
                              i32.const 1
                              i32.const -262144
                              i32.const -262144
                              i32.const -262144
                              i32.const -262144
                              i32.const -262144
                              i32.const -262144
                              i32.const -262144
                              i32.const -262144
                              i32.const -262144
                              i32.const -262144
                              i32.const -262144
                              i32.const -262144
                              i32.const 0
                              i32.const 1850175047
                              i32.const -262144
                              i32.const -262145
                              i32.const 127
                              i32.const 1198409582
                            end
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                            global.get 1
                            i32.xor
                            global.set 1
                          else
                            i32.const -262144
                            i32.const 0
                            i32.const -262144
                            i32.const -262144
                            i32.const -262144
                            i32.const 0
                            i32.const 0
                            i32.const -262144
                            i32.const -262144
                            i32.const 0
                            i32.const -262144
                            i32.const 0
                            i32.const -262144
                            i32.const 0
                            i32.const -262144
                            i32.const -262144
                            i32.const 0
                            i32.const -262144
                            i32.const -262144
                            i32.const -262144
                          end
                          global.get 1
                          i32.xor
                          global.set 1
                          global.get 1
                          i32.xor
                          global.set 1
                          global.get 1
                          i32.xor
                          global.set 1
                          global.get 1
                          i32.xor
                          global.set 1
                          global.get 1
                          i32.xor
                          global.set 1
                          global.get 1
                          i32.xor
                          global.set 1
                          global.get 1
                          i32.xor
                          global.set 1
                          global.get 1
                          i32.xor
                          global.set 1
                          global.get 1
                          i32.xor
                          global.set 1
                          global.get 1
                          i32.xor
                          global.set 1
                          global.get 1
                          i32.xor
                          global.set 1
                          global.get 1
                          i32.xor
                          global.set 1
                          global.get 1
                          i32.xor
                          global.set 1
                          i32.const 1
                          i32.xor
                          global.set 1
                          global.get 1
                          i32.xor
                          global.set 1
                          global.get 1
                          i32.xor
                          global.set 1
                          global.get 1
                          i32.xor
                          global.set 1
                          global.get 1
                          i32.xor
                          global.set 1
                          global.get 1
                          i32.xor
                          global.set 1
                        else
                          i32.const 1
                          i32.const -262144
                          i32.const 0
                          i32.const -262144
                          i32.const -262144
                          i32.const -262144
                          i32.const -4194304
                          i32.const -262144
                          i32.const -262144
                          i32.const -262144
                          i32.const 0
                          i32.const -262144
                          i32.const -262144
                          i32.const -262144
                          i32.const -262144
                          i32.const -262144
                          i32.const -262144
                          i32.const 0
                          i32.const -262144
                          i32.const -262144
                        end
                        global.get 1
                        i32.xor
                        global.set 1
                        global.get 1
                        i32.xor
                        global.set 1
                        global.get 1
                        i32.xor
                        global.set 1
                        i32.const -318947662
                        i32.xor
                        global.set 1
                        global.get 1
                        i32.xor
                        global.set 1
                        global.get 1
                        i32.xor
                        global.set 1
                        global.get 1
                        i32.xor
                        global.set 1
                        global.get 1
                        i32.xor
                        global.set 1
                        global.get 1
                        i32.xor
                        global.set 1
                        global.get 1
                        i32.xor
                        global.set 1
                        global.get 1
                        i32.xor
                        global.set 1
                        global.get 1
                        i32.xor
                        global.set 1
                        global.get 1
                        i32.xor
                        global.set 1
                        global.get 1
                        i32.xor
                        global.set 1
                        global.get 1
                        i32.xor
                        global.set 1
                        global.get 1
                        i32.xor
                        global.set 1
                        global.get 1
                        i32.xor
                        global.set 1
                        global.get 1
                        i32.xor
                        global.set 1
                        global.get 1
                        i32.xor
                        global.set 1
                      else
                        i32.const 1850175047
                        i32.const -262144
                        i32.const -262144
                        i32.const 0
                        i32.const -262144
                        i32.const -262144
                        i32.const -262144
                        i32.const 2147483647
                        i32.const 2147483647
                        i32.const 2147483647
                        i32.const 2147483647
                        i32.const 2147483647
                        i32.const 2147483647
                        i32.const 2147483647
                        i32.const -35638312
                        i32.const 1073741824
                        i32.const -589553188
                        i32.const -594420516
                        i32.const 1073741824
                        i32.const 1073741824
                      end
                      global.get 1
                      i32.xor
                      global.set 1
                      global.get 1
                      i32.xor
                      global.set 1
                      global.get 1
                      i32.xor
                      global.set 1
                      global.get 1
                      i32.xor
                      global.set 1
                      global.get 1
                      i32.xor
                      global.set 1
                      global.get 1
                      i32.xor
                      global.set 1
                      i32.const 0
                      i32.xor
                      global.set 1
                      global.get 1
                      i32.xor
                      global.set 1
                      global.get 1
                      i32.xor
                      global.set 1
                      global.get 1
                      i32.xor
                      global.set 1
                      global.get 1
                      i32.xor
                      global.set 1
                      global.get 1
                      i32.xor
                      global.set 1
                      global.get 1
                      i32.xor
                      global.set 1
                      global.get 1
                      i32.xor
                      global.set 1
                      global.get 1
                      i32.xor
                      global.set 1
                      global.get 1
                      i32.xor
                      global.set 1
                      global.get 1
                      i32.xor
                      global.set 1
                      global.get 1
                      i32.xor
                      global.set 1
                      global.get 1
                      i32.xor
                      global.set 1
                    else
                      i32.const -587997965
                      i32.const 1073741824
                      i32.const 1073741824
                      i32.const 1073741824
                      i32.const 1073741824
                      i32.const 0
                      i32.const 1073741824
                      i32.const 1073741824
                      i32.const 1073741824
                      i32.const 1073741824
                      i32.const 1073741824
                      i32.const 1073741824
                      i32.const 0
                      i32.const 1073741824
                      i32.const 1073741824
                      i32.const 1073741824
                      i32.const 1073741824
                      i32.const 0
                      i32.const 1073741824
                      i32.const 1073741824
                    end
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                    global.get 1
                    i32.xor
                    global.set 1
                  else
                    i32.const 0
                    i32.const -203623460
                    i32.const -587997965
                    i32.const 1073741824
                    i32.const 131071
                    i32.const -587997965
                    i32.const 1073741824
                    i32.const -9
                    i32.const -9
                    i32.const -32769
                    i32.const -1953794956
                    i32.const -9
                    i32.const -9
                    i32.const -9
                    i32.const -9
                    i32.const -9
                    i32.const -9
                    i32.const -9
                    i32.const -63772275
                    i32.const 1073741824
                  end
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                  global.get 1
                  i32.xor
                  global.set 1
                else
                  i32.const 268435455
                  i32.const 268435455
                  i32.const 268435455
                  i32.const 268435455
                  i32.const 268435455
                  i32.const 268435455
                  i32.const 268435455
                  i32.const 268435455
                  i32.const 268435455
                  i32.const 268435455
                  i32.const 268435455
                  i32.const 268435455
                  i32.const 268435455
                  i32.const 268435455
                  i32.const -44525566
                  i32.const 0
                  i32.const 268435455
                  i32.const 268435455
                  i32.const 268435455
                  i32.const -262145
                end
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
                global.get 1
                i32.xor
                global.set 1
              else
                i32.const 268435455
                i32.const 268435455
                i32.const 268435455
                i32.const 268435455
                i32.const 268435455
                i32.const 268435455
                i32.const 268435455
                i32.const 268435455
                i32.const 268435455
                i32.const 268435455
                i32.const 1431655765
                i32.const 268435455
                i32.const 268435455
                i32.const 268435455
                i32.const 268435455
                i32.const 268435455
                i32.const 268435455
                i32.const 268435455
                i32.const -42049289
                i32.const 0
              end
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
              global.get 1
              i32.xor
              global.set 1
            else
              i32.const 1
              i32.const -32769
              i32.const 762012513
              i32.const 926429234
              i32.const 909719088
              i32.const 926101809
              i32.const 875835697
              i32.const 808472380
              i32.const 0
              i32.const 0
              i32.const 0
              i32.const 0
              i32.const 0
              i32.const 0
              i32.const 0
              i32.const -707406379
              i32.const 268435455
              i32.const 268435455
              i32.const -262145
              i32.const 0
            end
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
            global.get 1
            i32.xor
            global.set 1
          else
            i32.const 268435455
            i32.const 268435455
            i32.const 268435455
            i32.const 127
            i32.const 0
            i32.const 1
            i32.const 0
            i32.const 2147483647
            i32.const 2147483647
            i32.const 2147483647
            i32.const 2147483647
            i32.const 2147483647
            i32.const 2147483647
            i32.const 32
            i32.const 32
            i32.const 32
            i32.const 32
            i32.const 32
            i32.const 32
            i32.const 32
          end
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
          global.get 1
          i32.xor
          global.set 1
        else
          i32.const 177015437
          i32.const 32
          i32.const 32
          i32.const 32
          i32.const 32
          i32.const 32
          i32.const 32
          i32.const 32
          i32.const 32
          i32.const 32
          i32.const 32
          i32.const 0
          i32.const 32
          i32.const 32
          i32.const 32
          i32.const 32
          i32.const 32
          i32.const 32
          i32.const 32
          i32.const 32
        end
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
        global.get 1
        i32.xor
        global.set 1
      else
        i32.const 177015437
        i32.const 32
        i32.const 32
        i32.const 32
        i32.const 32
        i32.const 32
        i32.const 32
        i32.const 32
        i32.const 32
        i32.const 32
        i32.const 32
        i32.const 32
        i32.const 32
        i32.const 32
        i32.const 32
        i32.const 32
        i32.const 32
        i32.const 32
        i32.const 32
        i32.const 32
      end
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
      global.get 1
      i32.xor
      global.set 1
    else
      i32.const 177015437
      i32.const 32
      i32.const 32
      i32.const 32
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
    end
    drop
    drop
    drop
    drop
    drop
    drop
    drop
    drop
    drop
    drop
    drop
    drop
    drop
    drop
    drop
    drop
    drop
    drop
    drop
  )
  (func (;2;) (type 1) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    unreachable
  )
  (global (;0;) (mut i64) i64.const 0)
  (global (;1;) (mut i32) i32.const 0)
  (global (;2;) (mut i32) i32.const 0)
)


(assert_trap (invoke "main") "unreachable")

# Project-wide compiler flags. Warnings are errors when ERPC_WERROR is on (CI presets).
add_compile_options(-Wall -Wextra -Wpedantic -Wshadow $<$<COMPILE_LANGUAGE:CXX>:-Wnon-virtual-dtor>)
if(ERPC_WERROR)
  add_compile_options(-Werror)
endif()
if(ERPC_SANITIZE)
  # GCC 12's -Wmaybe-uninitialized misfires inside libstdc++ (std::regex, std::function) once
  # ASan instruments it; the ci preset keeps the warning, so real cases are still caught.
  add_compile_options(-Wno-maybe-uninitialized)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
# cpprestsdk's U() macro collides with fmt's template parameter U (toolchain.md pitfall 1).
add_compile_definitions(_TURN_OFF_PLATFORM_STRING)

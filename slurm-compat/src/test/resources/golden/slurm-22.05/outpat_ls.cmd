ls -1 outpat outpat_arr arr defout

mkdir -p defout && cd defout && sbatch --wrap='echo out; echo err >&2'

sinfo -t alloc -o '%P|%a|%l|%D|%t|%T|%N|%C|%c|%m|%F|%A|%E|%z|%O|%e|%s|%h|%g|%r|%b|%f|%R|%G|%d|%w|%u|%H|%X|%Y|%Z|%n|%L'
